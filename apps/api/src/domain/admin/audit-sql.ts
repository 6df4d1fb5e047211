/**
 * The SQL of the audit-log viewer: who sees which events (scope), the filters, and the keyset
 * page newest first by (at, id). Each filter has an index ending in (at, id) (migration
 * 20261126190000_audit_viewer), so a page is an ordered range read whatever is filtered;
 * bench/audit-log.ts measures it at 1,000,000 events.
 *
 * Why (at, id) and not id alone: the table shows 日時 and is filtered by period, so (at, id)
 * makes "company + period" one range of (company_id, at, id). `at` is the inserting
 * transaction's start time, so a long transaction may add an event older than the top of a
 * page already shown: it appears on a reload, as with any append-only feed.
 */
import type { AuditEventFilter } from '@bango/shared/admin-audit'
import { AppError } from '../../errors.ts'
import { Prisma } from '../../generated/prisma/client.ts'

/** The events a caller may see: one SQL predicate per branch, unioned. */
export type AuditScope =
  | { kind: 'all' }
  | {
      kind: 'companies'
      companyIds: readonly string[]
      /** Operators of those companies, system administrators excepted: their installation-wide events (sign-ins…) are visible too. */
      operatorIds: readonly string[]
    }

export interface AuditKey {
  at: Date
  id: bigint
}

/** base64url of `<ISO time>|<id>`: opaque to the client, checked on the way back. */
export const encodeCursor = (key: AuditKey) => Buffer.from(`${key.at.toISOString()}|${key.id}`).toString('base64url')

export function decodeCursor(cursor: string): AuditKey {
  const match = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z)\|(\d{1,19})$/.exec(Buffer.from(cursor, 'base64url').toString())
  const at = match ? new Date(match[1]!) : null
  if (!match || !at || Number.isNaN(at.getTime())) throw new AppError('VALIDATION', { details: [{ path: 'cursor', message: 'Invalid cursor' }] })
  return { at, id: BigInt(match[2]!) }
}

export const COLUMNS = Prisma.sql`id, at, company_id, actor_type, actor_id, action, target_id, detail`

function branches(scope: AuditScope, companyId: string | undefined): Prisma.Sql[] {
  // A company filter is its own scope: the caller's right to it was checked before.
  if (companyId) return [Prisma.sql`company_id = ${companyId}::uuid`]
  if (scope.kind === 'all') return [Prisma.sql`TRUE`]
  const own = scope.companyIds.map((id) => Prisma.sql`company_id = ${id}::uuid`)
  if (scope.operatorIds.length === 0) return own
  return [...own, Prisma.sql`company_id IS NULL AND actor_type = 'operator' AND actor_id = ANY(${[...scope.operatorIds]}::text[])`]
}

/** `actions`: for a prefix filter, the actions it matches (resolved by the caller). */
function filters(filter: AuditEventFilter, actions: readonly string[] | null, after: AuditKey | null): Prisma.Sql[] {
  const where: Prisma.Sql[] = []
  if (filter.from) where.push(Prisma.sql`at >= ${new Date(filter.from)}`)
  if (filter.to) where.push(Prisma.sql`at < ${new Date(filter.to)}`)
  if (filter.actorType) where.push(Prisma.sql`actor_type = ${filter.actorType}`)
  if (filter.actorId) where.push(Prisma.sql`actor_id = ${filter.actorId}`)
  if (filter.targetId) where.push(Prisma.sql`target_id = ${filter.targetId}`)
  if (actions) where.push(actions.length === 1 ? Prisma.sql`action = ${actions[0]}` : Prisma.sql`action = ANY(${[...actions]}::text[])`)
  if (after) where.push(Prisma.sql`(at, id) < (${after.at}, ${after.id})`)
  return where
}

/**
 * A person's events, each way its own index range: as target (the person, or one of their
 * documents — `targets`), as actor, and by `detail->>'personId'` (an event about one of their
 * documents, found even once the document is disposed of; partial expression index of
 * migration 20261207120000_audit_detail_person). An event may match several: the union drops
 * the duplicates.
 */
function personBranches(personId: string | undefined, targets: readonly string[] | null): Prisma.Sql[] {
  if (!personId) return [Prisma.sql`TRUE`]
  const all = [personId, ...(targets ?? [])]
  return [
    all.length === 1 ? Prisma.sql`target_id = ${personId}` : Prisma.sql`target_id = ANY(${all}::text[])`,
    Prisma.sql`actor_id = ${personId}`,
    Prisma.sql`detail->>'personId' = ${personId}`,
  ]
}

/**
 * One page, newest first. Several branches (a company administrator's companies, their
 * operators' sign-ins; a person as target, actor or in the detail) each read their own ordered
 * index range up to `limit` rows; the union is then cut to `limit` — never a sort of
 * everything that matches. `personTargets`: the person filter's document ids.
 */
export function auditPageSql(
  scope: AuditScope,
  filter: AuditEventFilter,
  actions: readonly string[] | null,
  after: AuditKey | null,
  limit: number,
  personTargets: readonly string[] | null = null,
): Prisma.Sql {
  const common = filters(filter, actions, after)
  const persons = personBranches(filter.personId, personTargets)
  const selects = branches(scope, filter.companyId).flatMap((branch) =>
    persons.map(
      (person) =>
        Prisma.sql`SELECT ${COLUMNS} FROM audit_events WHERE ${Prisma.join([branch, person, ...common], ' AND ')} ORDER BY at DESC, id DESC LIMIT ${limit}`,
    ),
  )
  if (selects.length === 1) return selects[0]!
  // Scope branches never overlap (UNION ALL); a person's ways may (UNION drops the duplicates).
  return Prisma.sql`SELECT * FROM (${Prisma.join(
    selects.map((s) => Prisma.sql`(${s})`),
    persons.length > 1 ? ' UNION ' : ' UNION ALL ',
  )}) e ORDER BY at DESC, id DESC LIMIT ${limit}`
}

/** The ids of a person's documents (draft or submitted, while they exist): events that target one are the person's. */
export const personDocumentsSql = (personId: string) => Prisma.sql`SELECT id::text AS id FROM documents WHERE person_id = ${personId}::uuid`

/**
 * Every distinct action, by a loose index scan of (action, at, id): one probe per action
 * (a few dozen), however many events. A prefix filter becomes `action = ANY(…)` of these, which
 * the index answers; `LIKE 'x%'` could not use it under a non-C collation.
 */
export const distinctActionsSql = Prisma.sql`
  WITH RECURSIVE a(action) AS (
    (SELECT action FROM audit_events ORDER BY action LIMIT 1)
    UNION ALL
    SELECT (SELECT e.action FROM audit_events e WHERE e.action > a.action ORDER BY e.action LIMIT 1) FROM a WHERE a.action IS NOT NULL
  ) SELECT action FROM a WHERE action IS NOT NULL`

/** One named id of a page: what it is, its name, and for a person (or their credential, submission, document) the household's 社員番号. */
export interface NameRow {
  id: string
  kind: 'operator' | 'person' | 'campaign' | 'company' | 'credential' | 'submission' | 'document'
  name: string
  email: string | null
  employee_number: string | null
  role: string | null
  slot: number | null
  side: string | null
  type: string | null
}

/**
 * Names of the actors, targets and detail ids of a page, in one batched statement (ids: the uuids
 * among them). A person's 社員番号 is their household employee's; a document is named after its
 * person, with its role, slot, side and type.
 */
export const namesSql = (ids: readonly string[]) => {
  const list = Prisma.sql`ANY(${[...ids]}::uuid[])`
  const person = Prisma.sql`persons p LEFT JOIN persons e ON e.id = p.employee_id`
  const number = Prisma.sql`COALESCE(e.employee_number, p.employee_number)`
  const none = Prisma.sql`NULL::text, NULL::int, NULL::text, NULL::text`
  return Prisma.sql`
    SELECT id::text AS id, 'operator' AS kind, name, email, NULL::text AS employee_number, NULL::text AS role, NULL::int AS slot, NULL::text AS side, NULL::text AS type FROM operators WHERE id = ${list}
    UNION ALL SELECT p.id::text, 'person', p.name, NULL, ${number}, ${none} FROM ${person} WHERE p.id = ${list}
    UNION ALL SELECT id::text, 'campaign', name, NULL, NULL, ${none} FROM campaigns WHERE id = ${list}
    UNION ALL SELECT id::text, 'company', name, NULL, NULL, ${none} FROM companies WHERE id = ${list}
    UNION ALL SELECT c.id::text, 'credential', p.name, NULL, p.employee_number, ${none} FROM credentials c JOIN persons p ON p.id = c.employee_id WHERE c.id = ${list}
    UNION ALL SELECT s.id::text, 'submission', p.name, NULL, p.employee_number, ${none} FROM submissions s JOIN persons p ON p.id = s.employee_id WHERE s.id = ${list}
    UNION ALL SELECT d.id::text, 'document', p.name, NULL, ${number}, lower(d.role::text), d.slot, lower(d.side::text), d.type FROM documents d JOIN ${person} ON p.id = d.person_id WHERE d.id = ${list}`
}
