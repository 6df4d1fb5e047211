/**
 * What of an event's detail the viewer names: the ids it holds (a person, an employee, the
 * operator of a first entry, a campaign; the first few of a list of ids), and the document it
 * is about when its row is gone (disposed of) but the detail recorded whose and which.
 */
import type { AuditEventRow } from '@bango/shared/admin-audit'
import type { AuditDocument, AuditName } from '@bango/shared/audit-detail'
import type { Db } from '../../db/types.ts'
import { isUuid } from '../../lib/uuid.ts'
import { type NameRow, namesSql } from './audit-sql.ts'

/** An audit_events row as the viewer's statements select it (audit-sql.ts COLUMNS). */
export interface EventRow {
  id: bigint
  at: Date
  company_id: string | null
  actor_type: string
  actor_id: string | null
  action: string
  target_id: string | null
  detail: unknown
}

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

/** Names of the actors, targets, companies and detail ids of a page of events: one batched statement. */
export async function nameEvents(db: Db, rows: readonly EventRow[]): Promise<AuditEventRow[]> {
  const ids = new Set<string>()
  for (const row of rows) {
    for (const id of [row.actor_id, row.target_id, row.company_id, ...detailIds(row.detail)]) if (id && isUuid(id)) ids.add(id)
  }
  const names = new Map<string, NameRow>()
  if (ids.size > 0) for (const n of await db.$queryRaw<NameRow[]>(namesSql([...ids]))) names.set(n.id, n)
  const nameOf = (id: string | null) => (id ? (names.get(id) ?? null) : null)
  return rows.map((row) => {
    const actor = nameOf(row.actor_id)
    const target = nameOf(row.target_id)
    const detailNames: Record<string, AuditName> = {}
    for (const id of detailIds(row.detail)) {
      const n = names.get(id)
      if (n) detailNames[id] = { name: n.name, employeeNumber: n.employee_number }
    }
    return {
      id: row.id.toString(),
      at: row.at.toISOString(),
      companyId: row.company_id,
      companyName: nameOf(row.company_id)?.name ?? null,
      actorType: row.actor_type,
      actorId: row.actor_id,
      actorName: actor?.name ?? null,
      actorEmail: actor?.email ?? null,
      actorEmployeeNumber: actor?.employee_number ?? null,
      action: row.action,
      targetId: row.target_id,
      targetName: target?.name ?? null,
      targetEmployeeNumber: target?.employee_number ?? null,
      targetDocument: documentOf(target, row.detail, names),
      detail: row.detail ?? null,
      names: detailNames,
    }
  })
}
