/**
 * The audit-log viewer at 1,000,000 events on PostgreSQL (budget: a filtered page < 100 ms p95).
 * Creates a fresh database on BENCH_DATABASE_URL's server (default: the local one), loads the
 * events with raw SQL (bench/audit-log-seed.ts), times pages of 50 through app.inject as a
 * system administrator and as company administrators, prints EXPLAIN (ANALYZE, BUFFERS) of
 * the main statements, and drops the database. Prints figures; asserts nothing.
 * Run: pnpm --filter @bango/api bench:audit [rounds] [events]
 */
import { auditEventQuerySchema } from '@bango/shared/admin-audit'
import pg from 'pg'
import { createOperator } from '../test/factories.ts'
import { type AuditScope, auditPageSql, decodeCursor, encodeCursor } from '../src/domain/admin/audit-sql.ts'
import { seedAuditEvents } from './audit-log-seed.ts'
import { createTestContext } from '../test/harness.ts'

const ROUNDS = Number(process.argv[2] ?? 40)
const EVENTS = Number(process.argv[3] ?? 1_000_000)
const serverUrl = process.env.BENCH_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres'
const context = await createTestContext({}, { serverUrl })
const { app } = context
// Bulk seeding goes straight to the database, beside the app's own client.
const sql = new pg.Client({ connectionString: context.databaseUrl! })

try {
  await sql.connect()
  let started = performance.now()
  const { companyIds } = await seedAuditEvents(sql, EVENTS)
  console.log(`seeded ${EVENTS} events in ${((performance.now() - started) / 1000).toFixed(1)} s (then VACUUM ANALYZE)`)
  const [large, , , , , , , small] = companyIds as [string, ...string[]]
  const session = async (seed: Parameters<typeof createOperator>[1]) => {
    const { operator } = await createOperator(app.services.operators, seed)
    return `bango_admin=${(await app.services.adminSessions.open(operator.id, 'ACTIVE')).token}`
  }
  const system = await session({ isSystemAdmin: true })
  const adminOfLarge = await session({ assignments: [{ companyId: large, role: 'administrator' }] })
  const adminOfSmall = await session({ assignments: [{ companyId: small!, role: 'administrator' }] })
  const adminOfThree = await session({ assignments: companyIds.slice(1, 4).map((companyId) => ({ companyId, role: 'administrator' as const })) })

  const pick = async (query: string) => (await sql.query(query)).rows[0]
  const middle = await pick(`SELECT at, id FROM audit_events ORDER BY at DESC, id DESC OFFSET ${Math.floor(EVENTS / 2)} LIMIT 1`)
  const deep = encodeCursor({ at: middle.at, id: BigInt(middle.id) })
  const busyOperator = (await pick(`SELECT actor_id FROM audit_events WHERE actor_type = 'operator' AND company_id = '${large}' LIMIT 1`)).actor_id
  const person = (await pick(`SELECT target_id FROM audit_events WHERE actor_type = 'employee' AND company_id = '${small}' LIMIT 1`)).target_id
  const week = `from=${new Date(Date.now() - 180 * 86_400_000).toISOString()}&to=${new Date(Date.now() - 173 * 86_400_000).toISOString()}`

  async function time(label: string, cookie: string, query: string) {
    const samples: number[] = []
    let rows = 0
    for (let i = 0; i < ROUNDS + 3; i++) {
      started = performance.now()
      const response = await app.inject({ method: 'GET', url: `/api/admin/audit-events?${query}`, headers: { cookie } })
      if (i >= 3) samples.push(performance.now() - started)
      if (response.statusCode !== 200) throw new Error(`${label}: ${response.statusCode} ${response.body}`)
      rows = response.json().events.length
    }
    samples.sort((a, b) => a - b)
    const at = (q: number) => samples[Math.ceil(q * samples.length) - 1]!.toFixed(1).padStart(6)
    console.log(`${label.padEnd(44)} p50 ${at(0.5)} ms  p95 ${at(0.95)} ms  (${rows} rows)`)
  }

  console.log(`\nGET /api/admin/audit-events (limit 50) through app.inject, ${ROUNDS} requests each after 3 warm-ups`)
  await time('first page, unfiltered', system, '')
  await time('deep page (cursor at 500,000th)', system, `cursor=${deep}`)
  await time('company (largest, ~37 %)', system, `companyId=${large}`)
  await time('company (smallest, ~1 %)', system, `companyId=${small}`)
  await time('company (smallest), deep cursor', system, `companyId=${small}&cursor=${deep}`)
  await time('actor (an operator)', system, `actorType=operator&actorId=${busyOperator}`)
  await time('action employee.login (~16 %)', system, 'action=employee.login')
  await time('action admin.password_changed (rare)', system, 'action=admin.password_changed')
  await time('action prefix admin.* (~5 %)', system, 'action=admin.*')
  await time('person (target or actor)', system, `personId=${person}`)
  await time('period (one week, 180 days ago)', system, week)
  await time('company + action + period', system, `companyId=${large}&action=document.viewed&${week}`)
  await time('company (smallest) + action prefix + period', system, `companyId=${small}&action=person.*&${week}`)
  await time('person + period', system, `personId=${person}&${week}`)
  await time('company admin (largest): first page', adminOfLarge, '')
  await time('company admin (largest): deep cursor', adminOfLarge, `cursor=${deep}`)
  await time('company admin (smallest): first page', adminOfSmall, '')
  await time('company admin (smallest): action admin.*', adminOfSmall, 'action=admin.*')
  await time('company admin of 3 companies: first page', adminOfThree, '')
  await time('company admin of 3: action + period', adminOfThree, `action=person.registered&${week}`)

  // The CSV export streams pages of 5,000: time to the last byte.
  for (const [label, query] of [
    ['CSV, smallest company', `companyId=${small}`],
    ['CSV, largest company', `companyId=${large}`],
  ] as const) {
    started = performance.now()
    const response = await app.inject({ method: 'GET', url: `/api/admin/audit-events.csv?${query}`, headers: { cookie: system } })
    const lines = response.body.split('\r\n').length - 2
    console.log(
      `${label.padEnd(44)} ${(performance.now() - started).toFixed(0).padStart(6)} ms for ${lines} rows, ${(response.rawPayload.length / 1e6).toFixed(1)} MB`,
    )
    // (app.inject itself buffers the body in this process; a real client reads it as it streams.)
  }

  async function explain(label: string, scope: AuditScope, query: Record<string, string>, actions: string[] | null = null) {
    const parsed = auditEventQuerySchema.parse(query)
    const after = parsed.cursor ? decodeCursor(parsed.cursor) : null
    const statement = auditPageSql(scope, parsed, actions ?? (parsed.action ? [parsed.action] : null), after, parsed.limit + 1)
    const values = statement.values.map((v) => (typeof v === 'bigint' ? v.toString() : v))
    const { rows } = await sql.query(`EXPLAIN (ANALYZE, BUFFERS) ${statement.text}`, values)
    console.log(`\n--- ${label}\n${rows.map((row) => row['QUERY PLAN']).join('\n')}`)
  }
  const all: AuditScope = { kind: 'all' }
  const fromWeek = Object.fromEntries(new URLSearchParams(week))
  await explain('deep page (cursor)', all, { cursor: deep })
  await explain('company (smallest)', all, { companyId: small! })
  await explain('actor', all, { actorType: 'operator', actorId: busyOperator })
  await explain('person', all, { personId: person })
  await explain('period', all, fromWeek)
  await explain('company + action + period', all, { companyId: large, action: 'document.viewed', ...fromWeek })
  const staff = (await sql.query(`SELECT operator_id::text AS id FROM company_assignments WHERE company_id = $1`, [small])).rows.map((r) => r.id)
  await explain('company admin (smallest): first page', { kind: 'companies', companyIds: [small!], operatorIds: staff }, {})
} finally {
  await sql.end()
  await context.close()
}
