import { EMPLOYEE_PROGRESS, employeeListQuerySchema, employeeProgressSchema, type EmployeeListQuery } from '@bango/shared/admin-dashboard'
import { useId, useState, type FormEvent } from 'react'
import { dashboardText as t, progressLabels } from '../messages.ts'

interface EmployeeFiltersProps {
  query: EmployeeListQuery
  onChange: (patch: Partial<EmployeeListQuery>) => void
}

/** Search (on submit, not per keystroke: each search is a server query), the status filter and メールあり/なし. */
export function EmployeeFilters({ query, onChange }: EmployeeFiltersProps) {
  const searchId = useId()
  const statusId = useId()
  const emailId = useId()
  const [text, setText] = useState(query.q ?? '')
  const [lastQ, setLastQ] = useState(query.q)
  // Back/forward changes q in the URL: the box follows it.
  if (lastQ !== query.q) {
    setLastQ(query.q)
    setText(query.q ?? '')
  }
  const submit = (event: FormEvent) => {
    event.preventDefault()
    onChange({ q: text.trim() || undefined })
  }
  return (
    <form role="search" className="admin-filters" onSubmit={submit}>
      <label htmlFor={searchId}>{t.search}</label>
      <input id={searchId} type="search" value={text} maxLength={100} onChange={(event) => setText(event.target.value)} />
      <button type="submit" className="admin-button">
        {t.searchButton}
      </button>
      <label htmlFor={statusId}>{t.status}</label>
      <select
        id={statusId}
        value={query.status ?? ''}
        onChange={(event) => {
          const status = employeeProgressSchema.safeParse(event.target.value)
          onChange({ status: status.success ? status.data : undefined })
        }}
      >
        <option value="">{t.allStatuses}</option>
        {EMPLOYEE_PROGRESS.map((status) => (
          <option key={status} value={status}>
            {progressLabels[status]}
          </option>
        ))}
      </select>
      <label htmlFor={emailId}>{t.email}</label>
      <select
        id={emailId}
        value={query.email ?? ''}
        onChange={(event) => {
          const email = employeeListQuerySchema.shape.email.safeParse(event.target.value)
          onChange({ email: email.success ? email.data : undefined })
        }}
      >
        <option value="">{t.emailOptions.any}</option>
        <option value="with">{t.emailOptions.with}</option>
        <option value="without">{t.emailOptions.without}</option>
      </select>
    </form>
  )
}
