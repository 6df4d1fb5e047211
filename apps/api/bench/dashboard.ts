/**
 * The dashboard's employee list at 100,000 persons on PostgreSQL (budget: a page < 100 ms p95).
 * Creates a fresh database on BENCH_DATABASE_URL's server (default: the local one), loads
 * 70,000 employees (varied progress, credentials for most) and 30,000 dependents with raw SQL,
 * times each request through app.inject, prints EXPLAIN (ANALYZE, BUFFERS) of the main
 * statements, and drops the database. Prints figures; asserts nothing.
 * Run: pnpm --filter @bango/api bench:dashboard
 */
import { employeeListQuerySchema } from '@bango/shared/admin-dashboard'
import pg from 'pg'
import { createCampaign, createCompany, createOperator } from '../test/factories.ts'
import { employeeListSql } from '../src/domain/admin/employee-list.ts'
import { seedPersons } from './dashboard-seed.ts'
import { createTestContext } from '../test/harness.ts'

const ROUNDS = Number(process.argv[2] ?? 40)
const serverUrl = process.env.BENCH_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres'
const context = await createTestContext({}, { serverUrl })
const { app, db } = context
// Bulk seeding goes straight to the database, beside the app's own client.
const sql = new pg.Client({ connectionString: context.databaseUrl! })

try {
  await sql.connect()
  const company = await createCompany(db)
  const campaign = await createCampaign(db, company.id)
  const { operator } = await createOperator(app.services.operators, { assignments: [{ companyId: company.id, role: 'operator' }] })
  const { token } = await app.services.adminSessions.open(operator.id, 'ACTIVE')

  let started = performance.now()
  const counts = await seedPersons(sql, campaign.id)
  console.log(`seeded ${counts} in ${((performance.now() - started) / 1000).toFixed(1)} s (then VACUUM ANALYZE)`)

  const base = `/api/admin/campaigns/${campaign.id}`
  async function time(label: string, query: string, path = '/employees') {
    const samples: number[] = []
    let total = 0
    for (let i = 0; i < ROUNDS + 3; i++) {
      started = performance.now()
      const response = await app.inject({ method: 'GET', url: `${base}${path}?${query}`, headers: { cookie: `bango_admin=${token}` } })
      if (i >= 3) samples.push(performance.now() - started)
      if (response.statusCode !== 200) throw new Error(`${label}: ${response.statusCode} ${response.body}`)
      total = response.json().total
    }
    samples.sort((a, b) => a - b)
    const at = (q: number) => samples[Math.ceil(q * samples.length) - 1]!.toFixed(1).padStart(6)
    console.log(`${label.padEnd(38)} p50 ${at(0.5)} ms  p95 ${at(0.95)} ms  (total ${total})`)
  }

  console.log(`\nGET …/employees through app.inject, ${ROUNDS} requests each after 3 warm-ups`)
  await time('dashboard counts', '', '/dashboard')
  await time('first page (社員番号)', '')
  await time('deep page 1000 of 50', 'page=1000&pageSize=50')
  await time('last page 1400 of 50', 'page=1400&pageSize=50')
  for (const status of ['unissued', 'issued', 'logged_in', 'consented', 'in_progress', 'submitted']) await time(`status=${status}`, `status=${status}`)
  await time('status=submitted, deep page 400', 'status=submitted&page=400')
  await time('q=社員番号 prefix E0123 (10 rows)', 'q=E0123')
  await time('q=社員番号 prefix E01 (10k rows)', 'q=E01')
  await time('q=no match (ZZZ)', 'q=ZZZ')
  await time('q=E (matches everyone)', 'q=E')
  await time('q=kana prefix ｻﾄｳﾊ (half-width)', `q=${encodeURIComponent('ｻﾄｳﾊ')}`)
  await time('q=kana prefix さとう (hiragana)', `q=${encodeURIComponent('さとう')}`)
  await time('q=name prefix 佐藤 花', `q=${encodeURIComponent('佐藤 花')}`)
  await time('q=name prefix 佐 + status=submitted', `q=${encodeURIComponent('佐')}&status=submitted`)
  for (const sort of ['employeeNumber', 'kana', 'progress', 'lastLoginAt']) {
    await time(`sort=${sort} asc`, `sort=${sort}`)
    await time(`sort=${sort} desc`, `sort=${sort}&order=desc`)
    await time(`sort=${sort} desc, deep page 1000`, `sort=${sort}&order=desc&page=1000`)
  }

  async function explain(label: string, query: Record<string, string>) {
    const statements = employeeListSql(campaign.id, employeeListQuerySchema.parse(query), new Date())
    for (const [kind, statement] of Object.entries(statements)) {
      const { rows } = await sql.query(`EXPLAIN (ANALYZE, BUFFERS) ${statement.text}`, statement.values)
      console.log(`\n--- ${label}: ${kind}\n${rows.map((row) => row['QUERY PLAN']).join('\n')}`)
    }
  }
  await explain('deep page 1000 (社員番号)', { page: '1000' })
  await explain('status=in_progress, sort=kana', { status: 'in_progress', sort: 'kana' })
  await explain('q=ｻﾄｳﾊ', { q: 'ｻﾄｳﾊ' })
  await explain('q=E0123', { q: 'E0123' })
  await explain('q=E (matches everyone)', { q: 'E' })
  await explain('status=submitted, deep page 400', { status: 'submitted', page: '400' })
  await explain('sort=lastLoginAt desc, deep page 1000', { sort: 'lastLoginAt', order: 'desc', page: '1000' })
  const { rows } = await sql.query(
    `EXPLAIN (ANALYZE, BUFFERS) SELECT progress::text AS progress, count(*)::int AS count FROM persons
    WHERE campaign_id = $1::uuid AND kind = 'EMPLOYEE' GROUP BY progress`,
    [campaign.id],
  )
  console.log(`\n--- dashboard counts\n${rows.map((row) => row['QUERY PLAN']).join('\n')}`)
} finally {
  await sql.end()
  await context.close()
}
