import { languageNameInJapanese } from '@bango/shared/languages'
import { Link, useParams } from 'react-router'
import { paths } from '../../../config/paths.ts'
import { useEmployee } from '../api/get-employee.ts'
import { useUnlockEmployee } from '../api/unlock-employee.ts'
import { dashboardText, progressLabels } from '../messages.ts'
import { formatDateTime } from '../../../../lib/format.ts'
import { formatDate, isLocked } from '../utils/format.ts'
import { DisposePerson } from './dispose-person.tsx'
import { LeavingDate } from './leaving-date.tsx'
import { PersonTable } from './person-table.tsx'
import { ErrorAlert } from '../../../components/error-alert.tsx'
import { useSession } from '../../../lib/session.ts'
import { Facts } from '../../../components/facts.tsx'

const t = dashboardText.employee

/** One employee: sign-in state (last login, failures, lock), unlock, re-issue, and their persons. */
export function EmployeePage() {
  const { campaignId = '', employeeId = '' } = useParams()
  const detail = useEmployee(campaignId, employeeId)
  const unlock = useUnlockEmployee(campaignId, employeeId)
  const session = useSession().data
  // The audit log is for administrators (the API refuses operators).
  const administers = Boolean(session && (session.operator.isSystemAdmin || session.companies.some((c) => c.role === 'administrator')))
  const back = (
    <p>
      <Link to={paths.campaign(campaignId)}>{t.back}</Link>
    </p>
  )
  if (!detail.data) {
    return (
      <div className="admin-page">
        {back}
        <h1>{t.title}</h1>
        {detail.error ? <ErrorAlert error={detail.error} /> : <p role="status">{dashboardText.loading}</p>}
      </div>
    )
  }
  const { employee, persons } = detail.data
  const locked = isLocked(employee.lockedUntil)
  // Disposal (廃棄) ended the employee's login; the server refuses a new one (PERSON_DISPOSED).
  const disposed = persons.some((p) => p.kind === 'employee' && p.disposedAt !== null)
  const when = (iso: string | null) => (iso ? formatDateTime(iso) : dashboardText.never)
  const facts: [string, string][] = [
    [t.employeeNumber, employee.employeeNumber ?? dashboardText.never],
    [t.kana, employee.kana],
    [t.birthDate, formatDate(employee.birthDate)],
    [t.email, employee.email ?? dashboardText.never],
    [t.progress, progressLabels[employee.progress]],
    [t.credentialIssuedAt, when(employee.credentialIssuedAt)],
    [t.lastLoginAt, when(employee.lastLoginAt)],
    [t.failedAttempts, String(employee.failedAttempts)],
    [t.lock, locked && employee.lockedUntil ? t.lockedUntil(formatDateTime(employee.lockedUntil)) : t.notLocked],
    [
      t.consentedAt,
      employee.consentedAt && employee.consentLanguage
        ? t.consentedIn(formatDateTime(employee.consentedAt), languageNameInJapanese(employee.consentLanguage))
        : when(employee.consentedAt),
    ],
    [t.language, employee.language ? languageNameInJapanese(employee.language) : dashboardText.never],
    [t.submittedAt, when(employee.submittedAt)],
  ]

  return (
    <div className="admin-page">
      {back}
      <h1>{employee.name}</h1>
      {administers ? (
        <p>
          <Link to={paths.audit({ personId: employee.id })}>{t.auditLog}</Link>
        </p>
      ) : null}
      <section aria-labelledby="employee-facts" className="admin-section">
        <h2 id="employee-facts">{t.facts}</h2>
        <Facts facts={facts} />
        <div className="admin-actions">
          {locked && (
            <button type="button" className="admin-button" onClick={() => unlock.mutate()} disabled={unlock.isPending}>
              {t.unlock}
            </button>
          )}
          {!disposed && (
            <Link className="admin-button" to={paths.campaignCredentials(campaignId, [employee.id])}>
              {t.reissue}
            </Link>
          )}
          {employee.submittedAt && (
            <Link className="admin-button admin-button--primary" to={paths.submission(campaignId, employee.id)}>
              {t.review}
            </Link>
          )}
        </div>
        {disposed && <p>{t.disposedLogin}</p>}
        {unlock.isSuccess && !locked && <p role="status">{t.unlocked}</p>}
        <ErrorAlert error={unlock.error} />
      </section>
      <LeavingDate campaignId={campaignId} detail={detail.data} />
      <section aria-labelledby="employee-persons" className="admin-section">
        <h2 id="employee-persons">{t.personsTitle}</h2>
        <PersonTable persons={persons} campaignId={campaignId} employeeId={employee.id} />
      </section>
      <DisposePerson campaignId={campaignId} detail={detail.data} />
    </div>
  )
}
