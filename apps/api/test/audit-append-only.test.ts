/**
 * The audit log is append-only through the application's own database connection (the role
 * the app runs as): the trigger of the init migration refuses UPDATE, DELETE and TRUNCATE.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type TestContext, createTestContext } from './harness.ts'

let context: TestContext
beforeAll(async () => {
  context = await createTestContext()
}, 60_000)
afterAll(() => context.close())

describe('audit_events is append-only', () => {
  it('refuses UPDATE, DELETE and TRUNCATE, through Prisma and raw SQL, and keeps the row as written', async () => {
    const event = await context.app.services.audit.record({
      companyId: null,
      actorType: 'system',
      actorId: null,
      action: 'settings.updated',
      detail: { requireTotp: true },
    })
    const attempts: [string, () => Promise<unknown>][] = [
      ['prisma update', () => context.db.auditEvent.update({ where: { id: event.id }, data: { action: 'rewritten' } })],
      ['prisma delete', () => context.db.auditEvent.delete({ where: { id: event.id } })],
      ['prisma deleteMany', () => context.db.auditEvent.deleteMany({})],
      ['UPDATE', () => context.db.$executeRawUnsafe(`UPDATE audit_events SET detail = NULL WHERE id = ${event.id}`)],
      ['DELETE', () => context.db.$executeRawUnsafe('DELETE FROM audit_events')],
      ['TRUNCATE', () => context.db.$executeRawUnsafe('TRUNCATE audit_events')],
    ]
    for (const [name, attempt] of attempts) {
      await expect(attempt(), name).rejects.toThrow(/append-only/)
    }
    const after = await context.db.auditEvent.findUniqueOrThrow({ where: { id: event.id } })
    expect(after).toEqual(event)
    expect(await context.db.auditEvent.count()).toBeGreaterThan(0)
  })
})
