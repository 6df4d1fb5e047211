import { Link, useParams, useSearchParams } from 'react-router'
import { paths } from '../../../config/paths.ts'
import { useIssueCredentials } from '../api/issue-credentials.ts'
import { credentialsText as t } from '../messages.ts'
import { useIssuedFor } from '../stores/issued-credentials.ts'
import { ConfirmAction } from './confirm-action.tsx'
import { EmailSection } from './email-section.tsx'
import { ExportActions } from './export-actions.tsx'
import { IssuedList } from './issued-list.tsx'
import { ErrorAlert } from '../../../components/error-alert.tsx'

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/** `?employees=id1,id2` (from the dashboard's selection or an employee's page) narrows to a re-issue. */
function useSelectedEmployees() {
  const [search] = useSearchParams()
  return (search.get('employees') ?? '').split(',').filter((id) => UUID.test(id))
}

export function CredentialsPage() {
  const { campaignId = '' } = useParams()
  const employeeIds = useSelectedEmployees()
  const issue = useIssueCredentials(campaignId)
  const issued = useIssuedFor(campaignId)
  const selected = employeeIds.length > 0

  return (
    <div className="admin-page">
      <p>
        <Link to={paths.campaign(campaignId)}>{t.back}</Link>
      </p>
      <h1>{t.title}</h1>
      <p>{t.intro}</p>

      <section aria-labelledby="issue-title" className="admin-section">
        <h2 id="issue-title">{t.issue}</h2>
        <p>{selected ? t.targetSelected(employeeIds.length) : t.targetAll}</p>
        {selected && <p className="admin-notice admin-notice--warning">{t.reissueWarning}</p>}
        {selected ? (
          <ConfirmAction
            label={t.issueSelected}
            question={t.confirmReissue(employeeIds.length)}
            confirmLabel={t.issue}
            onConfirm={() => issue.mutate(employeeIds)}
            disabled={issue.isPending}
            primary
          />
        ) : (
          <button type="button" className="admin-button admin-button--primary" onClick={() => issue.mutate([])} disabled={issue.isPending}>
            {t.issueAll}
          </button>
        )}
        {issue.isPending && <p role="status">{t.issuing}</p>}
        <ErrorAlert error={issue.error} />
      </section>

      {issued && (
        <section aria-labelledby="issued-title" className="admin-section">
          <h2 id="issued-title">{t.issuedTitle}</h2>
          {issued.credentials.length === 0 ? (
            <p role="status">{t.noneIssued}</p>
          ) : (
            <>
              <p className="admin-notice admin-notice--warning" role="status">
                {t.onceWarning}
              </p>
              <ExportActions campaignId={campaignId} issued={issued} />
              <IssuedList issued={issued} />
            </>
          )}
        </section>
      )}

      <EmailSection campaignId={campaignId} employeeIds={employeeIds} />
    </div>
  )
}
