/**
 * The list's state lives in the URL (reload and back keep it): parsed with the shared schema,
 * written without the defaults so the URL stays short.
 */
import { employeeListQuerySchema, type EmployeeListQuery } from '@bango/shared/admin-dashboard'

export const DEFAULT_QUERY: EmployeeListQuery = employeeListQuerySchema.parse({})
const KEYS = Object.keys(employeeListQuerySchema.shape) as (keyof EmployeeListQuery)[]

export function fromSearch(search: URLSearchParams): EmployeeListQuery {
  const raw = Object.fromEntries([...search].filter(([, value]) => value !== ''))
  const parsed = employeeListQuerySchema.safeParse(raw)
  if (parsed.success) return parsed.data
  // A hand-edited URL: keep what is valid field by field rather than dropping everything.
  const query = { ...DEFAULT_QUERY }
  for (const key of KEYS) {
    const one = employeeListQuerySchema.safeParse({ [key]: raw[key] })
    if (one.success) Object.assign(query, { [key]: one.data[key] })
  }
  return query
}

/** `all`: every field (the API request); otherwise only what differs from the defaults (the URL). */
export function toSearch(query: EmployeeListQuery, all = false): string {
  const search = new URLSearchParams()
  for (const key of KEYS) {
    const value = query[key]
    if (value === undefined || value === '') continue
    if (!all && value === DEFAULT_QUERY[key]) continue
    search.set(key, String(value))
  }
  return search.toString()
}
