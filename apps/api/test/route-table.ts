/**
 * What the suites that walk every route share (admin-access-matrix, hostile-input): the route
 * table as the server registered it, a victim company whose real rows fill every path
 * parameter, valid bodies, and a checksum of every table to prove a refused request changed
 * nothing. A route with a parameter there is no fixture for fails, naming itself.
 */
import { DEFAULT_PURPOSES } from '@bango/shared/admin-api'
import { randomUUID } from 'node:crypto'
import type { RouteOptions } from 'fastify'
import { documentAad } from '../src/domain/drafts.ts'
import { encryptBlob } from '../src/lib/envelope.ts'
import { type TestContext, signedInOperator } from './harness.ts'
import { cardPhoto } from './images.ts'

export interface Route {
  method: string
  url: string
  /** The route's `config` (e.g. `afterSubmission` on the employee routes a receipt-only session may reach). */
  config: Record<string, unknown>
}

export const routeKey = (route: Pick<Route, 'method' | 'url'>) => `${route.method} ${route.url}`

/** Pass `onRoute` to createTestContext; `routes` then holds every route but Fastify's own HEADs. */
export function routeCollector() {
  const routes: Route[] = []
  const onRoute = (route: RouteOptions) => {
    // HEAD routes mirror their GET (Fastify adds them itself).
    for (const method of [route.method].flat()) {
      if (method !== 'HEAD') routes.push({ method, url: route.url, config: (route.config ?? {}) as Record<string, unknown> })
    }
  }
  return { routes, onRoute }
}

/** The employee's ways in: everything else under /api/employee needs the employee's own session. */
export const PUBLIC_EMPLOYEE = new Set(['POST /api/employee/link', 'POST /api/employee/login', 'POST /api/employee/session/handoff/redeem'])

/** Unsafe admin routes that read no body (an action on the resource in the path). */
export const IGNORES_BODY = new Set([
  'POST /api/admin/campaigns/:campaignId/close',
  'POST /api/admin/campaigns/:campaignId/retention-shortenings/:shorteningId/undo',
  'POST /api/admin/campaigns/:campaignId/employees/:employeeId/unlock',
  'POST /api/admin/campaigns/:campaignId/employees/:employeeId/persons/:personId/number/reveal',
  'POST /api/admin/campaigns/:campaignId/employees/:employeeId/persons/:personId/number/ocr',
  'POST /api/admin/campaigns/:campaignId/employees/:employeeId/persons/:personId/approve',
  'POST /api/admin/campaigns/:campaignId/employees/:employeeId/approve',
  'POST /api/admin/campaigns/:campaignId/credential-batches/:credentialBatchId/distributed',
  'POST /api/admin/campaigns/:campaignId/credential-batches/:credentialBatchId/cancel',
])

export function campaignBody() {
  return {
    name: '乗っ取り',
    purposes: [...DEFAULT_PURPOSES],
    purposeTranslations: {},
    deadline: null,
    draftLifetimeHours: 24,
    retentionMonths: 84,
    employeeEntersNumber: false,
    identityByEmployment: false,
    contact: null,
  }
}

/**
 * Valid admin bodies, so that a refusal comes from what a suite varies, not from validation.
 * Routes missing here get `{}`.
 */
export const ADMIN_BODIES: Record<string, object> = {
  'POST /api/admin/companies': { name: '乗っ取り株式会社' },
  'PATCH /api/admin/companies/:companyId': { name: '乗っ取り株式会社' },
  'POST /api/admin/companies/:companyId/campaigns': campaignBody(),
  'PATCH /api/admin/campaigns/:campaignId': campaignBody(),
  'POST /api/admin/campaigns/:campaignId/reopen': { deadline: null },
  'POST /api/admin/companies/:companyId/operators': { email: 'intruder@example.test', name: '侵入者', role: 'administrator' },
  'PATCH /api/admin/companies/:companyId/operators/:operatorId': { disabled: true },
  'POST /api/admin/companies/:companyId/operators/:operatorId/reset': { currentPassword: 'wrong-password' },
  'PUT /api/admin/settings': { requireTotp: true },
  'PUT /api/admin/settings/networks': { allowedNetworks: ['203.0.113.0/24'] },
  'PUT /api/admin/companies/:companyId/settings': { allowedNetworks: ['203.0.113.0/24'] },
  'PUT /api/admin/companies/:companyId/exports/layout': {
    columns: [
      { key: 'employeeNumber', header: '社員番号' },
      { key: 'myNumber', header: '個人番号' },
    ],
    dateFormat: 'iso',
    datesAsText: true,
  },
  'POST /api/admin/campaigns/:campaignId/credentials/exports': { format: 'postal_kit', employeeIds: ['00000000-0000-4000-8000-000000000000'] },
  'POST /api/admin/campaigns/:campaignId/email-batches': { kind: 'reminder' },
  'POST /api/admin/campaigns/:campaignId/email-batches/preview': { kind: 'reminder' },
  'PUT /api/admin/campaigns/:campaignId/employees/:employeeId/persons/:personId/number/entries': { number: '123456789018' },
  'POST /api/admin/campaigns/:campaignId/employees/:employeeId/persons/:personId/number/agreement': { number: '123456789018' },
  'POST /api/admin/campaigns/:campaignId/employees/:employeeId/persons/:personId/dispose': { reason: '乗っ取り' },
  'POST /api/admin/campaigns/:campaignId/dispose': { reason: '乗っ取り' },
  'PUT /api/admin/campaigns/:campaignId/employees/:employeeId/left-on': { leftOn: '2026-03-31' },
  'POST /api/admin/campaigns/:campaignId/employees/:employeeId/persons/:personId/return': { reason: 'other', note: '番号が写っていません' },
}

/** Replaces each `:name` with `params[name]` (or `pick(name)`); a parameter with no fixture throws, naming the route. */
export function fillPath(route: Route, params: Record<string, string>, pick: (name: string, real: string) => string = (_, real) => real): string {
  return route.url.replace(/:(\w+)/g, (_, name: string) => {
    const value = params[name]
    if (value === undefined) {
      throw new Error(
        `${routeKey(route)}: no fixture for the path parameter :${name} — add one to the suite's path fixtures (the console's: \`victimCompany\` in test/route-table.ts)`,
      )
    }
    return pick(name, value)
  })
}

/**
 * A company with an employee who pressed 完了 (one real, encrypted image), an e-mail batch and
 * its administrator: one real row for every kind of path id of the console.
 */
export async function victimCompany(context: TestContext) {
  const victim = await context.newEmployee()
  const admin = await signedInOperator(context, { role: 'administrator', companyId: victim.company.id })
  const batch = await context.db.emailBatch.create({ data: { campaignId: victim.campaign.id, kind: 'CREDENTIALS', createdById: admin.operator.id } })
  const credentialBatch = await context.db.credentialBatch.create({
    data: { campaignId: victim.campaign.id, issuedById: admin.operator.id, expiresAt: new Date(Date.now() + 86_400_000) },
  })
  const document = await submittedDocument(context, victim.employee.id)
  const at = new Date()
  const shortening = await context.db.retentionShortening.create({
    data: {
      campaignId: victim.campaign.id,
      fromMonths: 84,
      toMonths: 60,
      changedById: admin.operator.id,
      changedAt: at,
      effectiveAt: new Date(at.getTime() + 7 * 86_400_000),
    },
  })
  const params: Record<string, string> = {
    companyId: victim.company.id,
    campaignId: victim.campaign.id,
    employeeId: victim.employee.id,
    personId: victim.dependents[0]!.id,
    operatorId: admin.operator.id,
    batchId: batch.id,
    credentialBatchId: credentialBatch.id,
    documentId: document.id,
    shorteningId: shortening.id,
    // The employee's draft thumbnails: an admin session is refused before any id is looked up.
    imageId: document.id,
  }
  return { victim, admin, params }
}

async function submittedDocument(context: TestContext, employeeId: string) {
  const submission = await context.db.submission.create({ data: { employeeId } })
  const id = randomUUID()
  const blobKey = randomUUID()
  const jpeg = await cardPhoto()
  await context.blobs.put(blobKey, encryptBlob(context.secrets.keyring, jpeg, documentAad({ id, personId: employeeId })))
  await context.db.person.update({ where: { id: employeeId }, data: { status: 'REGISTERED', progress: 'SUBMITTED' } })
  return context.db.document.create({
    data: {
      id,
      personId: employeeId,
      role: 'NUMBER',
      slot: 0,
      side: 'FRONT',
      type: 'resident_record',
      state: 'SUBMITTED',
      submissionId: submission.id,
      blobKey,
      byteSize: jpeg.length,
      width: 640,
      height: 400,
    },
  })
}

export type TableSnapshot = Record<string, string>

/** Rows per table whose values a signed-in request touches by design (activity times), left out of the checksum. */
const ACTIVITY_ONLY: Record<string, { columns: string[] }> = {
  admin_sessions: { columns: ['id', 'operator_id', 'stage', 'revoked_at', 'expires_at'] },
}

/**
 * Statement triggers on every table (only this file's test database has them) advance a
 * sequence whenever something may have written: a snapshot is taken again only then. Sequences
 * ignore rollbacks, so a write rolled back still counts, and a write of equal values is caught
 * by the checksum: the count only spares the checksum where nothing was written at all.
 */
function writeCounterSql(tables: string[]): string[] {
  const note = (table: string) => {
    const kept = ACTIVITY_ONLY[table]?.columns
    if (!kept)
      return [`CREATE TRIGGER test_writes AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "${table}" FOR EACH STATEMENT EXECUTE FUNCTION test_note_write()`]
    const changed = `(${kept.map((c) => `OLD.${c}`).join(', ')}) IS DISTINCT FROM (${kept.map((c) => `NEW.${c}`).join(', ')})`
    return [
      `CREATE TRIGGER test_writes AFTER INSERT OR DELETE OR TRUNCATE ON "${table}" FOR EACH STATEMENT EXECUTE FUNCTION test_note_write()`,
      `CREATE TRIGGER test_writes_kept AFTER UPDATE ON "${table}" FOR EACH ROW WHEN (${changed}) EXECUTE FUNCTION test_note_write()`,
    ]
  }
  return [
    'CREATE SEQUENCE test_writes',
    `CREATE FUNCTION test_note_write() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN PERFORM nextval('test_writes'); RETURN NULL; END $$`,
    ...tables.flatMap(note),
  ]
}

let snapshots: { db: TestContext['db']; sql: string; writes: string | null; last: TableSnapshot | null } | null = null

/** Every table's row count and checksum, in one query (the fuzz takes one per request), unless nothing was written since the last. */
export async function tableSnapshot(db: TestContext['db']): Promise<TableSnapshot> {
  if (snapshots?.db !== db) {
    const tables = (
      await db.$queryRaw<{ name: string }[]>`
      SELECT table_name AS name FROM information_schema.tables
      WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' AND table_name <> '_prisma_migrations' ORDER BY 1`
    ).map((table) => table.name)
    for (const statement of writeCounterSql(tables)) await db.$executeRawUnsafe(statement)
    const sql = tables
      .map((name) => {
        const rows = `SELECT ${ACTIVITY_ONLY[name]?.columns.join(', ') ?? '*'} FROM "${name}"`
        return `SELECT '${name}' AS name, count(*)::int AS n, md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS digest FROM (${rows}) t`
      })
      .join(' UNION ALL ')
    snapshots = { db, sql, writes: null, last: null }
  }
  // Read before the checksum: a write between the two is counted, and the next call takes it again.
  const [{ writes }] = await db.$queryRaw<[{ writes: string }]>`SELECT last_value || ':' || is_called AS writes FROM test_writes`
  if (snapshots.last && writes === snapshots.writes) return snapshots.last
  const rows = await db.$queryRawUnsafe<{ name: string; n: number; digest: string }[]>(snapshots.sql)
  snapshots.writes = writes
  snapshots.last = Object.fromEntries(rows.map((row) => [row.name, `${row.n}:${row.digest}`]))
  return snapshots.last
}

/** The tables whose rows differ between two snapshots. */
export function changedTables(before: TableSnapshot, after: TableSnapshot): string[] {
  return Object.keys({ ...before, ...after }).filter((table) => before[table] !== after[table])
}
