import { useState } from 'react'
import { Link, useSearchParams } from 'react-router'
import { ErrorAlert } from '../../../components/error-alert.tsx'
import { paths } from '../../../config/paths.ts'
import { useSession } from '../../../lib/session.ts'
import { exportCsvHref } from '../api/export-url.ts'
import { useAuditEvents } from '../api/list-audit-events.ts'
import { auditText as t } from '../messages.ts'
import { type AuditFilterState, fromSearch, toApiFilter, toSearch } from '../utils/audit-filter.ts'
import { AuditFilters } from './audit-filters.tsx'
import { AuditTable } from './audit-table.tsx'
import './audit.css'

/**
 * 監査ログ: filters in the URL, keyset pages. 「次へ」 pushes the next page's cursor on a stack,
 * 「前へ」 pops it — keyset pages have no numbers to jump to; a new filter starts over.
 */
export function AuditPage() {
  const [search, setSearch] = useSearchParams()
  const state = fromSearch(search)
  const filter = toApiFilter(state)
  const filterKey = toSearch(state)
  const [paging, setPaging] = useState<{ filterKey: string; cursors: string[] }>({ filterKey, cursors: [] })
  // A new filter (form, back button, link) starts from the newest event again.
  const cursors = paging.filterKey === filterKey ? paging.cursors : []
  const cursor = cursors.at(-1)
  const events = useAuditEvents(filter, cursor)
  const session = useSession().data
  const companies = (session?.companies ?? []).filter((c) => session?.operator.isSystemAdmin || c.role === 'administrator')

  const apply = (next: AuditFilterState) => setSearch(toSearch(next))
  const page = events.data
  return (
    <div className="admin-page">
      <h1>{t.title}</h1>
      <p>{t.intro}</p>
      {companies.length > 0 && (
        <p>
          {t.accessReports}
          {companies.map((company, index) => (
            <span key={company.id}>
              {index > 0 && '、'}
              <Link to={paths.accessReport(company.id)}>{company.name}</Link>
            </span>
          ))}
        </p>
      )}
      <AuditFilters key={filterKey} value={state} companies={companies} onApply={apply} />
      <p>
        <a className="admin-button" href={exportCsvHref(filter)} download>
          {t.exportCsv}
        </a>
      </p>
      {events.error ? <ErrorAlert error={events.error} /> : null}
      {!page && !events.error ? <p role="status">{t.loading}</p> : null}
      {page && page.events.length === 0 ? <p role="status">{t.empty}</p> : null}
      {page && page.events.length > 0 ? <AuditTable events={page.events} onActor={(actorId) => apply({ ...state, actorId })} /> : null}
      <nav aria-label={t.pagination} className="admin-pagination">
        <p>{t.pageNumber(cursors.length + 1)}</p>
        <button type="button" className="admin-button" disabled={cursors.length === 0} onClick={() => setPaging({ filterKey, cursors: cursors.slice(0, -1) })}>
          {t.previous}
        </button>
        <button
          type="button"
          className="admin-button"
          disabled={!page?.nextCursor || events.isPlaceholderData}
          onClick={() => page?.nextCursor && setPaging({ filterKey, cursors: [...cursors, page.nextCursor] })}
        >
          {t.next}
        </button>
      </nav>
    </div>
  )
}
