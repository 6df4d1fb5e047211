/**
 * The viewer's filters live in the URL (reload, back and a link from the employee page with
 * `?personId=` keep them). Dates are whole days in Japan time: 開始日 from 00:00, 終了日 through
 * 23:59:59 (the API's `to` is exclusive: the next day's 00:00).
 */
import type { AuditEventFilter } from '@bango/shared/admin-audit'
import { auditEventQuerySchema } from '@bango/shared/admin-audit'

export interface AuditFilterState {
  from?: string
  to?: string
  actorType?: string
  actorId?: string
  action?: string
  companyId?: string
  personId?: string
}
export const FILTER_KEYS = ['from', 'to', 'actorType', 'actorId', 'action', 'companyId', 'personId'] as const

const DATE = /^\d{4}-\d\d-\d\d$/

export function fromSearch(search: URLSearchParams): AuditFilterState {
  const state: AuditFilterState = {}
  for (const key of FILTER_KEYS) {
    const value = search.get(key)?.trim()
    if (value) state[key] = value
  }
  return state
}

export function toSearch(state: AuditFilterState): string {
  const search = new URLSearchParams()
  for (const key of FILTER_KEYS) if (state[key]) search.set(key, state[key])
  return search.toString()
}

const nextDay = (date: string) => {
  const day = new Date(`${date}T00:00:00Z`)
  day.setUTCDate(day.getUTCDate() + 1)
  return day.toISOString().slice(0, 10)
}

/** The API's filter: dates as Japan-time instants; whatever the shared schema refuses is left out. */
export function toApiFilter(state: AuditFilterState): AuditEventFilter {
  const raw: Record<string, string> = {}
  if (state.from && DATE.test(state.from)) raw.from = `${state.from}T00:00:00+09:00`
  if (state.to && DATE.test(state.to)) raw.to = `${nextDay(state.to)}T00:00:00+09:00`
  for (const key of ['actorType', 'actorId', 'action', 'companyId', 'personId'] as const) if (state[key]) raw[key] = state[key]
  const filter: AuditEventFilter = {}
  for (const [key, value] of Object.entries(raw)) {
    const one = auditEventQuerySchema.safeParse({ [key]: value })
    if (one.success) Object.assign(filter, { [key]: one.data[key as keyof AuditEventFilter] })
  }
  return filter
}

/** The API query string of a page: the filter, then the cursor and the page size. */
export function apiSearch(filter: AuditEventFilter, cursor?: string, limit?: number): string {
  const search = new URLSearchParams()
  for (const [key, value] of Object.entries(filter)) if (value !== undefined) search.set(key, String(value))
  if (cursor) search.set('cursor', cursor)
  if (limit) search.set('limit', String(limit))
  return search.toString()
}
