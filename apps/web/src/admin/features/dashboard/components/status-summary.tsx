import { EMPLOYEE_PROGRESS, type DashboardResponse, type EmployeeProgress } from '@bango/shared/admin-dashboard'
import { dashboardText as t, progressLabels } from '../messages.ts'

interface StatusSummaryProps {
  dashboard: DashboardResponse
  active: EmployeeProgress | undefined
  onSelect: (status: EmployeeProgress | undefined) => void
}

/**
 * Counts by status in their order, as a bar (decorative) and as buttons that filter the list.
 * New statuses (差し戻し, 承認済) appear by themselves once EMPLOYEE_PROGRESS lists them.
 */
export function StatusSummary({ dashboard, active, onSelect }: StatusSummaryProps) {
  const { counts, total } = dashboard
  return (
    <section aria-labelledby="summary-title" className="admin-section">
      <h2 id="summary-title">{t.summaryTitle}</h2>
      <p>{t.total(total)}</p>
      <div className="progress-bar" aria-hidden="true">
        {EMPLOYEE_PROGRESS.map((status) =>
          counts[status] > 0 ? <span key={status} className={`progress-bar__part progress-bar__part--${status}`} style={{ flexGrow: counts[status] }} /> : null,
        )}
      </div>
      <ul className="status-counts">
        {EMPLOYEE_PROGRESS.map((status) => (
          <li key={status}>
            <button
              type="button"
              className={`status-counts__item status-counts__item--${status}`}
              aria-pressed={active === status}
              onClick={() => onSelect(active === status ? undefined : status)}
            >
              <span className="status-counts__label">{progressLabels[status]}</span>
              <span className="status-counts__count">{counts[status].toLocaleString('ja-JP')}</span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  )
}
