/**
 * What of an event's detail the viewer names: the ids it holds (a person, an employee, the
 * operator of a first entry, a campaign; the first few of a list of ids), and the document it
 * is about when its row is gone (disposed of) but the detail recorded whose and which.
 */
import type { AuditDocument } from '@bango/shared/audit-detail'
import type { NameRow } from './audit-query.ts'

const ID_KEYS = ['personId', 'employeeId', 'firstEntryBy', 'campaignId', 'operatorId'] as const
const ID_LIST_KEYS = ['personIds', 'employeeIds', 'reissuedIds'] as const
/** As many of a list as the formatter shows (audit-detail's LISTED_IDS): an export of 3,000 persons names five. */
const LISTED = 5

const asRecord = (detail: unknown): Record<string, unknown> | null =>
  detail !== null && typeof detail === 'object' && !Array.isArray(detail) ? (detail as Record<string, unknown>) : null

export function detailIds(detail: unknown): string[] {
  const record = asRecord(detail)
  if (!record) return []
  const ids: string[] = []
  for (const key of ID_KEYS) if (typeof record[key] === 'string') ids.push(record[key])
  for (const key of ID_LIST_KEYS) {
    const list = record[key]
    if (Array.isArray(list)) for (const id of list.slice(0, LISTED)) if (typeof id === 'string') ids.push(id)
  }
  const filter = asRecord(record.filter)
  if (filter) for (const key of ['personId', 'actorId', 'companyId'] as const) if (typeof filter[key] === 'string') ids.push(filter[key])
  return ids
}

/** The document a target names: its row, else (a disposed document) what the event's detail kept of it. */
export function documentOf(target: NameRow | null, detail: unknown, names: ReadonlyMap<string, NameRow>): AuditDocument | null {
  if (target?.kind === 'document' && target.role && target.side && target.type !== null && target.slot !== null) {
    return { personName: target.name, employeeNumber: target.employee_number, role: target.role, slot: target.slot, side: target.side, type: target.type }
  }
  const record = asRecord(detail)
  if (!record || typeof record.role !== 'string' || typeof record.side !== 'string' || typeof record.type !== 'string') return null
  if (typeof record.slot !== 'number' || typeof record.personId !== 'string') return null
  const person = names.get(record.personId)
  return {
    personName: person?.name ?? null,
    employeeNumber: person?.employee_number ?? null,
    role: record.role,
    slot: record.slot,
    side: record.side,
    type: record.type,
  }
}
