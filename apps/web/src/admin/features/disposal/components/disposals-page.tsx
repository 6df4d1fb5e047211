import { type FormEvent, useState } from 'react'
import { useParams, useSearchParams } from 'react-router'
import { ErrorAlert } from '../../../components/error-alert.tsx'
import { disposalsCsvHref, useDisposals } from '../api/get-disposals.ts'
import { disposalText, kindLabel } from '../messages.ts'
import { formatDateTime } from '../../../../lib/format.ts'

const t = disposalText.records

/** /admin/companies/:companyId/disposals — the disposal records, newest first (administrators). */
export function DisposalsPage() {
  const { companyId = '' } = useParams()
  const [params, setParams] = useSearchParams()
  const q = params.get('q')?.trim() ?? ''
  const [text, setText] = useState(q)
  const records = useDisposals(companyId, q)
  const submit = (event: FormEvent) => {
    event.preventDefault()
    setParams(text.trim() ? { q: text.trim() } : {})
  }
  const rows = records.data?.pages.flatMap((page) => page.records) ?? []
  const c = t.columns
  return (
    <div className="admin-page">
      <h1>{t.title}</h1>
      <form role="search" aria-label={t.search} className="admin-filters" onSubmit={submit}>
        <label htmlFor="disposals-q">{t.search}</label>
        <input id="disposals-q" type="search" maxLength={100} placeholder={t.searchPlaceholder} value={text} onChange={(e) => setText(e.target.value)} />
        <button type="submit" className="admin-button">
          {t.searchSubmit}
        </button>
        <a className="admin-button" href={disposalsCsvHref(companyId, q)} download>
          {t.exportCsv}
        </a>
      </form>
      {records.error && <ErrorAlert error={records.error} />}
      {records.isPending && <p role="status">{disposalText.loading}</p>}
      {records.isSuccess && rows.length === 0 && <p>{q ? t.noMatch : t.empty}</p>}
      {rows.length > 0 && (
        <table className="admin-table">
          <caption className="admin-visually-hidden">{t.title}</caption>
          <thead>
            <tr>
              {[c.disposedAt, c.campaign, c.name, c.employeeNumber, c.relationship, c.trigger, c.by, c.reason, c.kinds, c.images].map((label) => (
                <th key={label} scope="col">
                  {label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((record) => (
              <tr key={record.id}>
                <td>{formatDateTime(record.disposedAt)}</td>
                <td>{record.campaignName}</td>
                <th scope="row">{record.personName}</th>
                <td>{record.employeeNumber ?? ''}</td>
                <td>{record.relationship}</td>
                <td>{disposalText.triggers[record.trigger]}</td>
                <td>
                  {record.disposedBy?.name ??
                    (record.cause
                      ? t.shortened(record.cause.changedBy.name, formatDateTime(record.cause.changedAt), record.cause.fromMonths, record.cause.toMonths)
                      : t.automatic)}
                </td>
                <td>{record.reason}</td>
                <td>{record.documentKinds.map(kindLabel).join('、')}</td>
                <td>{record.imageCount}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {records.hasNextPage && (
        <button type="button" className="admin-button" disabled={records.isFetchingNextPage} onClick={() => void records.fetchNextPage()}>
          {t.more}
        </button>
      )}
    </div>
  )
}
