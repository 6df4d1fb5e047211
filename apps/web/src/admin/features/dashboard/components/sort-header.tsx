import type { EmployeeListQuery } from '@bango/shared/admin-dashboard'
import { dashboardText as t } from '../messages.ts'

type SortKey = EmployeeListQuery['sort']

interface SortHeaderProps {
  column: SortKey
  label: string
  query: EmployeeListQuery
  onChange: (patch: Partial<EmployeeListQuery>) => void
}

/** A column header that sorts by it; again on the same column flips the order. */
export function SortHeader({ column, label, query, onChange }: SortHeaderProps) {
  const active = query.sort === column
  const next = active && query.order === 'asc' ? 'desc' : 'asc'
  return (
    <th scope="col" aria-sort={active ? (query.order === 'asc' ? 'ascending' : 'descending') : 'none'}>
      <button type="button" className="admin-sort" onClick={() => onChange({ sort: column, order: next })} aria-label={t.sortBy(label)}>
        {label}
        <span aria-hidden="true">{active ? (query.order === 'asc' ? ' ▲' : ' ▼') : ''}</span>
      </button>
    </th>
  )
}
