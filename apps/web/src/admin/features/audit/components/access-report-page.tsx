import type { AccessReportQuery } from '@bango/shared/admin-records'
import { personText } from '@bango/shared/audit-detail'
import { type FormEvent, useId, useState } from 'react'
import { Link, useParams, useSearchParams } from 'react-router'
import { ErrorAlert } from '../../../components/error-alert.tsx'
import { paths } from '../../../config/paths.ts'
import { useSession } from '../../../lib/session.ts'
import { accessReportCsvHref, useAccessReport } from '../api/access-report.ts'
import { auditText } from '../messages.ts'
import { AuditTable } from './audit-table.tsx'
import { SubjectPicker } from './subject-picker.tsx'
import './audit.css'

const t = auditText.accessReport
const dateTime = new Intl.DateTimeFormat('ja-JP', { timeZone: 'Asia/Tokyo', dateStyle: 'medium', timeStyle: 'short' })
/** `2026-12-07T09:30` (a datetime-local field, the browser's time) ⇄ ISO. */
const toIso = (local: string) => (local ? new Date(local).toISOString() : '')
const toLocal = (iso: string | null) => {
  if (!iso) return ''
  const date = new Date(iso)
  return new Date(date.getTime() - date.getTimezoneOffset() * 60_000).toISOString().slice(0, 16)
}

/** The window in the URL, or null when there is none (or it is not a window). */
function queryOf(search: URLSearchParams): AccessReportQuery | null {
  const from = search.get('from')
  const to = search.get('to')
  if (!from || !to || !(Date.parse(from) < Date.parse(to))) return null
  const operatorId = search.get('operatorId')
  return { from, to, ...(operatorId ? { operatorId } : {}) }
}

/**
 * `/admin/companies/:companyId/access-report`: for a 漏えい等 report, who viewed which persons'
 * images, had their numbers shown or read, and exported them, in a time window (optionally one
 * operator) — on screen, printed, or as CSV. Administrators of the company; each report is recorded.
 */
export function AccessReportPage() {
  const { companyId = '' } = useParams()
  const [search, setSearch] = useSearchParams()
  const query = queryOf(search)
  const report = useAccessReport(companyId, query)
  const company = useSession().data?.companies.find((candidate) => candidate.id === companyId)
  const id = useId()
  const [from, setFrom] = useState(toLocal(query?.from ?? null))
  const [to, setTo] = useState(toLocal(query?.to ?? null))
  const [operatorId, setOperatorId] = useState(query?.operatorId)
  const [invalid, setInvalid] = useState(false)

  function submit(event: FormEvent) {
    event.preventDefault()
    const next = { from: toIso(from), to: toIso(to) }
    if (!next.from || !next.to || !(Date.parse(next.from) < Date.parse(next.to))) {
      setInvalid(true)
      return
    }
    setInvalid(false)
    setSearch({ ...next, ...(operatorId ? { operatorId } : {}) })
  }

  const data = report.data
  const exported = data ? Object.values(data.exported) : []
  return (
    <div className="admin-page">
      <p className="admin-no-print">
        <Link to={paths.audit()}>{t.back}</Link>
      </p>
      <h1>{t.title(data?.companyName ?? company?.name ?? '')}</h1>
      <p className="admin-no-print">{t.intro}</p>
      <form className="admin-filters audit-filters admin-no-print" aria-label={auditText.filters} onSubmit={submit} noValidate>
        <div className="audit-filters__field">
          <label htmlFor={`${id}-from`}>{t.from}</label>
          <input id={`${id}-from`} type="datetime-local" value={from} onChange={(e) => setFrom(e.target.value)} aria-invalid={invalid || undefined} />
        </div>
        <div className="audit-filters__field">
          <label htmlFor={`${id}-to`}>{t.to}</label>
          <input id={`${id}-to`} type="datetime-local" value={to} onChange={(e) => setTo(e.target.value)} aria-invalid={invalid || undefined} />
        </div>
        <SubjectPicker label={t.operator} kinds="operators" value={operatorId} onChange={setOperatorId} />
        <div className="admin-actions">
          <button type="submit" className="admin-button admin-button--primary">
            {t.show}
          </button>
        </div>
        {invalid && (
          <p role="alert" className="admin-error">
            {t.invalidWindow}
          </p>
        )}
      </form>
      {report.error ? <ErrorAlert error={report.error} /> : null}
      {query && report.isPending ? <p role="status">{auditText.loading}</p> : null}
      {data && query ? (
        <section aria-label={t.title(data.companyName)}>
          <p>{t.produced(dateTime.format(new Date(data.producedAt)), dateTime.format(new Date(data.from)), dateTime.format(new Date(data.to)))}</p>
          <p className="admin-actions admin-no-print">
            <a className="admin-button" href={accessReportCsvHref(companyId, query)} download>
              {t.csv}
            </a>
            <button type="button" className="admin-button" onClick={() => window.print()}>
              {t.print}
            </button>
          </p>
          {data.truncated ? <p className="admin-notice admin-notice--warning">{t.truncated(data.events.length)}</p> : null}
          {data.events.length === 0 ? <p role="status">{t.none}</p> : <AuditTable events={data.events} onActor={setOperatorId} />}
          {exported.length > 0 ? (
            <>
              <h2>{t.exported(exported.length)}</h2>
              <ul>
                {exported.map((person, index) => (
                  <li key={index}>{personText(person.name, person.employeeNumber)}</li>
                ))}
              </ul>
            </>
          ) : null}
        </section>
      ) : null}
    </div>
  )
}
