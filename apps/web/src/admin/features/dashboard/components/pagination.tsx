import { DASHBOARD_PAGE_SIZES, type EmployeeListQuery } from '@bango/shared/admin-dashboard'
import { useId } from 'react'
import { dashboardText as t } from '../messages.ts'

interface PaginationProps {
  page: number
  pageSize: number
  total: number
  onChange: (patch: Partial<EmployeeListQuery>) => void
}

export function Pagination({ page, pageSize, total, onChange }: PaginationProps) {
  const sizeId = useId()
  const pages = Math.max(1, Math.ceil(total / pageSize))
  const from = total === 0 ? 0 : (page - 1) * pageSize + 1
  const to = Math.min(total, page * pageSize)
  return (
    <nav aria-label={t.pagination} className="admin-pagination">
      <p role="status">{t.pageOf(from, to, total)}</p>
      <button type="button" className="admin-button" disabled={page <= 1} onClick={() => onChange({ page: page - 1 })}>
        {t.previous}
      </button>
      <button type="button" className="admin-button" disabled={page >= pages} onClick={() => onChange({ page: page + 1 })}>
        {t.next}
      </button>
      <label htmlFor={sizeId}>{t.pageSize}</label>
      <select id={sizeId} value={pageSize} onChange={(event) => onChange({ pageSize: Number(event.target.value) })}>
        {DASHBOARD_PAGE_SIZES.map((size) => (
          <option key={size} value={size}>
            {size}
          </option>
        ))}
      </select>
    </nav>
  )
}
