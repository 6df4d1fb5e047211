/**
 * The retention job: disposes of exactly the households whose retention period ended — counted
 * from 11 January after the year of their 完了 or of their 退職日, whichever is later (ADR 049) —
 * once even with two server instances on one database (advisory lock), and exactly what the dry
 * run announced.
 */
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { build } from '../src/app.ts'
import { openDatabase } from '../src/db/database.ts'
import { RETENTION_LOCK } from '../src/domain/admin/retention.ts'
import { retentionEndSql, retentionStartSql } from '../src/domain/admin/retention-basis.ts'
import { Prisma } from '../src/generated/prisma/client.ts'
import { disposalPreviewResponseSchema } from '@bango/shared/admin-disposal'
import { type TestContext, createTestContext, signedInOperator } from './harness.ts'
import { submittedEmployee } from './submitted.ts'

/** The app's clock: real time unless a test sets it (the dry run and sign-in read it; the job is given its time). */
let clock: Date | null = null
let context: TestContext
beforeAll(async () => {
  context = await createTestContext({ now: () => clock ?? new Date() })
}, 60_000)
afterAll(() => context.close())

const monthsAgo = (months: number) => {
  const at = new Date()
  at.setUTCMonth(at.getUTCMonth() - months)
  return at
}

/**
 * A submitted household whose 完了 happened `months` ago in a campaign keeping documents
 * `retentionMonths`. Counted from 11 January after the 完了's year, the period has surely ended
 * when `months` ≥ `retentionMonths` + 25, and surely not when `months` ≤ `retentionMonths`.
 */
async function submittedAgo(months: number, retentionMonths: number) {
  const s = await submittedEmployee(context, { campaign: { retentionMonths } })
  await context.db.submission.update({ where: { employeeId: s.employee.id }, data: { submittedAt: monthsAgo(months) } })
  return s
}

/** A second server instance on the same database: its own connection pool on PostgreSQL. */
async function secondInstance() {
  const database = context.databaseUrl ? await openDatabase({ url: context.databaseUrl }) : null
  const app = await build({ db: database?.prisma ?? context.db, blobs: context.blobs, secrets: context.secrets })
  await app.ready()
  return {
    app,
    close: async () => {
      await app.close()
      await database?.close()
    },
  }
}

describe('the retention job', () => {
  it('disposes of expired households only, once with two instances, as the dry run announced', async () => {
    const expired = await submittedAgo(37, 12)
    const kept = await submittedAgo(11, 12)
    const other = await submittedAgo(1, 84)
    const { headers } = await signedInOperator(context, { role: 'administrator', companyId: expired.company.id })

    const preview = await context.app.inject({ method: 'GET', url: `/api/admin/campaigns/${expired.campaign.id}/disposal/preview`, headers })
    expect(preview.statusCode, preview.body).toBe(200)
    expect(preview.json().totalImages).toBe(4)
    const announced = preview
      .json()
      .persons.map((p: { personId: string }) => p.personId)
      .sort()
    expect(announced).toEqual([...expired.householdIds].sort())
    const keptPreview = await context.app.inject({
      method: 'GET',
      url: `/api/admin/campaigns/${kept.campaign.id}/disposal/preview`,
      headers: (await signedInOperator(context, { companyId: kept.company.id })).headers,
    })
    expect(keptPreview.json().persons).toEqual([])

    const second = await secondInstance()
    try {
      const runs = await Promise.all([context.app.services.retention.run(new Date()), second.app.services.retention.run(new Date())])
      expect(runs.reduce((sum, r) => sum + r.persons, 0)).toBe(3)
      expect(runs.reduce((sum, r) => sum + r.images, 0)).toBe(4)
    } finally {
      await second.close()
    }

    const records = await context.db.disposalRecord.findMany({ where: { trigger: 'RETENTION' } })
    expect(records.map((r) => r.personId).sort()).toEqual(announced)
    expect(records.every((r) => r.disposedById === null && /^保存期間の終了（完了の翌年 \d{4}年1月11日から 12 か月）$/.test(r.reason))).toBe(true)
    expect(await context.db.auditEvent.count({ where: { action: 'campaign.disposed', targetId: expired.campaign.id } })).toBe(1)
    expect(await context.db.document.count({ where: { personId: { in: expired.householdIds } } })).toBe(0)
    for (const survivor of [kept, other]) {
      expect(await context.db.document.count({ where: { personId: { in: survivor.householdIds } } })).toBe(4)
      expect(await context.db.person.count({ where: { id: { in: survivor.householdIds }, disposedAt: { not: null } } })).toBe(0)
    }
    const store = context.blobs
    for (const document of expired.documents) await expect(store.get(document.blobKey)).rejects.toThrow(/not found/)
    for (const document of kept.documents) expect((await store.get(document.blobKey)).length).toBeGreaterThan(0)

    // The disposed employee's login ended with their data; the other one's goes on.
    expect((await expired.call('GET', '/me')).json().error.code).toBe('UNAUTHENTICATED')
    expect((await kept.call('GET', '/me')).statusCode).toBe(200)

    // Nothing left: the next run does nothing and the dry run is empty.
    expect(await context.app.services.retention.run(new Date())).toEqual({ ran: true, persons: 0, images: 0 })
    expect((await context.app.inject({ method: 'GET', url: `/api/admin/campaigns/${expired.campaign.id}/disposal/preview`, headers })).json().persons).toEqual(
      [],
    )
  })

  // PGlite is one connection: a lock held by "another instance" cannot be shown there.
  it.skipIf(!process.env.TEST_DATABASE_URL)('does nothing while another instance holds the lock', async () => {
    const expired = await submittedAgo(26, 1)
    const holder = new pg.Client({ connectionString: context.databaseUrl! })
    await holder.connect()
    try {
      await holder.query('BEGIN')
      await holder.query('SELECT pg_advisory_xact_lock($1)', [RETENTION_LOCK])
      expect(await context.app.services.retention.run(new Date())).toEqual({ ran: false, persons: 0, images: 0 })
      expect(await context.db.person.count({ where: { id: { in: expired.householdIds }, disposedAt: { not: null } } })).toBe(0)
      await holder.query('COMMIT')
    } finally {
      await holder.end()
    }
    expect((await context.app.services.retention.run(new Date())).persons).toBe(3)
  })
})

describe('the retention period as the law counts it (ADR 049)', () => {
  /** A household handed in (完了) at `submittedAt` in a campaign keeping documents `retentionMonths`, with the 退職日 HR recorded. */
  async function household(submittedAt: string, retentionMonths: number, leftOn: string | null = null) {
    const s = await submittedEmployee(context, { campaign: { retentionMonths } })
    await context.db.submission.update({ where: { employeeId: s.employee.id }, data: { submittedAt: new Date(submittedAt) } })
    await context.db.person.update({ where: { id: s.employee.id }, data: { leftOn: leftOn ? new Date(leftOn) : null } })
    return s
  }
  const disposed = (s: { householdIds: string[] }) => context.db.person.count({ where: { id: { in: s.householdIds }, disposedAt: { not: null } } })
  const reasons = async (s: { householdIds: string[] }) =>
    (await context.db.disposalRecord.findMany({ where: { personId: { in: s.householdIds } } })).map((r) => r.reason)
  const run = (at: string) => context.app.services.retention.run(new Date(at))

  it('keeps a household handed in during 2026 (in Japan) until 11 January 2027 plus the period', async () => {
    const june = await household('2026-06-15T03:00:00Z', 84)
    // 1 January 2027 in Japan, still 31 December in UTC: a 完了 of 2027, kept a year longer.
    const newYear = await household('2026-12-31T15:30:00Z', 84)
    // Counted from the 完了 itself the period ended on 15 June 2033; 11 January 2034 begins at 15:00 UTC the day before.
    await run('2033-06-16T00:00:00Z')
    await run('2034-01-10T14:59:59.999Z')
    expect(await disposed(june)).toBe(0)
    await run('2034-01-10T15:00:00Z')
    expect(await disposed(june)).toBe(3)
    expect(await reasons(june)).toEqual(Array(3).fill('保存期間の終了（完了の翌年 2027年1月11日から 84 か月）'))
    await run('2035-01-10T14:59:59.999Z')
    expect(await disposed(newYear)).toBe(0)
    await run('2035-01-10T15:00:00Z')
    expect(await disposed(newYear)).toBe(3)
  })

  it('keeps the household of an employee who left in 2029 until 11 January 2030 plus the period, as the dry run announces', async () => {
    const left = await household('2026-06-15T03:00:00Z', 84, '2029-03-31')
    // Counted from the year after 完了 the period ended on 11 January 2034.
    await run('2034-01-10T15:00:00Z')
    await run('2037-01-10T14:59:59.999Z')
    expect(await disposed(left)).toBe(0)

    clock = new Date('2037-01-10T15:00:00Z')
    try {
      const { headers } = await signedInOperator(context, { role: 'administrator', companyId: left.company.id })
      const response = await context.app.inject({ method: 'GET', url: `/api/admin/campaigns/${left.campaign.id}/disposal/preview`, headers })
      expect(response.statusCode, response.body).toBe(200)
      const preview = disposalPreviewResponseSchema.parse(response.json())
      expect(preview.persons.map((p) => p.personId).sort()).toEqual([...left.householdIds].sort())
      for (const person of preview.persons) expect(person).toMatchObject({ retentionStartsOn: '2030-01-11', expiredAt: '2037-01-10T15:00:00.000Z' })
    } finally {
      clock = null
    }
    await run('2037-01-10T15:00:00Z')
    expect(await disposed(left)).toBe(3)
    expect(await reasons(left)).toEqual(Array(3).fill('保存期間の終了（退職の翌年 2030年1月11日から 84 か月）'))
  })

  it('never ends a period sooner than counting from the 完了 itself did, with or without a leaving date', async () => {
    const start = retentionStartSql(Prisma.sql`s.at`, Prisma.sql`l.left_on`)
    const [row] = await context.db.$queryRaw<{ sooner: number; checked: number }[]>`
      SELECT count(*) FILTER (WHERE ${retentionEndSql(start, Prisma.sql`m.months`)} <= s.at + make_interval(months => m.months))::int AS sooner,
        count(*)::int AS checked
      FROM generate_series(timestamptz '2024-01-01T00:00:00Z', timestamptz '2029-01-01T00:00:00Z', interval '11 hours 7 minutes') AS s(at)
      CROSS JOIN unnest(ARRAY[1, 11, 12, 13, 60, 84, 240]) AS m(months)
      CROSS JOIN unnest(ARRAY[NULL, '2020-06-30', '2026-12-31', '2031-01-01']::date[]) AS l(left_on)`
    expect(row!.checked).toBeGreaterThan(100_000)
    expect(row!.sooner).toBe(0)
  })
})
