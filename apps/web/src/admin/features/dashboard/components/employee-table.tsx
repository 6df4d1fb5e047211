import type { EmployeeListQuery, EmployeeRow } from '@bango/shared/admin-dashboard'
import { Link } from 'react-router'
import { paths } from '../../../config/paths.ts'
import { dashboardText as t, progressLabels } from '../messages.ts'
import { formatDateTime } from '../../../../lib/format.ts'
import { isLocked } from '../utils/format.ts'
import { SortHeader } from './sort-header.tsx'

interface EmployeeTableProps {
  campaignId: string
  rows: readonly EmployeeRow[]
  query: EmployeeListQuery
  onChange: (patch: Partial<EmployeeListQuery>) => void
  selected: ReadonlySet<string>
  onToggle: (ids: readonly string[], on: boolean) => void
}

export function EmployeeTable({ campaignId, rows, query, onChange, selected, onToggle }: EmployeeTableProps) {
  const c = t.columns
  const allOnPage = rows.length > 0 && rows.every((row) => selected.has(row.id))
  const sortable = { query, onChange }
  return (
    <table className="admin-table">
      <caption className="admin-visually-hidden">{t.listTitle}</caption>
      <thead>
        <tr>
          <th scope="col">
            <input
              type="checkbox"
              aria-label={t.selectPage}
              checked={allOnPage}
              onChange={(event) =>
                onToggle(
                  rows.map((row) => row.id),
                  event.target.checked,
                )
              }
            />
          </th>
          <SortHeader column="employeeNumber" label={c.employeeNumber} {...sortable} />
          <th scope="col">{c.name}</th>
          <SortHeader column="kana" label={c.kana} {...sortable} />
          <SortHeader column="progress" label={c.progress} {...sortable} />
          <SortHeader column="lastLoginAt" label={c.lastLoginAt} {...sortable} />
          <th scope="col">{c.lock}</th>
          <th scope="col">{c.dependents}</th>
        </tr>
      </thead>
      <tbody>
        {rows.length === 0 && (
          <tr>
            <td colSpan={8}>{t.noRows}</td>
          </tr>
        )}
        {rows.map((row) => (
          <tr key={row.id}>
            <td>
              <input
                type="checkbox"
                aria-label={t.selectRow(row.name)}
                checked={selected.has(row.id)}
                onChange={(event) => onToggle([row.id], event.target.checked)}
              />
            </td>
            <td>{row.employeeNumber ?? ''}</td>
            <th scope="row">
              <Link to={paths.employee(campaignId, row.id)}>{row.name}</Link>
            </th>
            <td>{row.kana}</td>
            <td>{progressLabels[row.progress]}</td>
            <td>{row.lastLoginAt ? formatDateTime(row.lastLoginAt) : t.never}</td>
            <td>{isLocked(row.lockedUntil) ? t.locked : ''}</td>
            <td>{row.dependentCount}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
