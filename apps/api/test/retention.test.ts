/**
 * The retention job: disposes of exactly the households whose submission outlived the
 * campaign's retention period, once even with two server instances on one database
 * (advisory lock), and exactly what the dry run announced.
 */
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { build } from '../src/app.ts'
import { openDatabase } from '../src/db/database.ts'
import { RETENTION_LOCK } from '../src/domain/admin/retention.ts'
import { type TestContext, createTestContext, signedInOperator } from './harness.ts'
import { submittedEmployee } from './submitted.ts'

let context: TestContext
beforeAll(async () => {
  context = await createTestContext()
}, 60_000)
afterAll(() => context.close())

const monthsAgo = (months: number) => {
  const at = new Date()
  at.setUTCMonth(at.getUTCMonth() - months)
  return at
}

/** A submitted household whose 完了 happened `months` ago in a campaign keeping documents `retentionMonths`. */
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
    const expired = await submittedAgo(13, 12)
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
    expect(records.every((r) => r.disposedById === null && r.reason === '保存期間の終了')).toBe(true)
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
    const expired = await submittedAgo(2, 1)
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
