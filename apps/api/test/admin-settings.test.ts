import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createOperator } from './factories.ts'
import { type TestContext, createTestContext, signedInOperator } from './harness.ts'

let context: TestContext
beforeAll(async () => {
  context = await createTestContext()
}, 60_000)
afterAll(() => context.close())

const call = (headers: Record<string, string>, method: 'GET' | 'PUT', payload?: object) =>
  context.app.inject({ method, url: '/api/admin/settings', headers, ...(payload ? { payload } : {}) })

describe('settings', () => {
  it('only a system administrator reads and changes them; bad input changes nothing', async () => {
    const admin = await signedInOperator(context, { role: 'administrator' })
    expect((await call(admin.headers, 'GET')).statusCode).toBe(403)
    expect((await call(admin.headers, 'PUT', { requireTotp: true })).statusCode).toBe(403)

    const system = await signedInOperator(context, { isSystemAdmin: true })
    expect((await call(system.headers, 'GET')).json()).toEqual({ requireTotp: false })
    expect((await call(system.headers, 'PUT', { requireTotp: 'yes' })).statusCode).toBe(400)
    expect((await call(system.headers, 'PUT', {})).statusCode).toBe(400)
    expect(await context.db.settings.count()).toBe(0)
    expect(await context.db.auditEvent.count({ where: { action: 'settings.updated' } })).toBe(0)
  })

  it('requireTotp is refused to a system administrator without TOTP: their own session would stop with the save', async () => {
    const system = await signedInOperator(context, { isSystemAdmin: true })
    expect((await call(system.headers, 'PUT', { requireTotp: true })).json().error.code).toBe('CONFLICT')
    expect(await context.db.settings.count()).toBe(0)
    expect((await call(system.headers, 'GET')).statusCode).toBe(200)
  })

  it('requireTotp sends operators without TOTP to enrolment at their next sign-in', async () => {
    const system = await signedInOperator(context, { isSystemAdmin: true })
    await context.db.operator.update({ where: { id: system.operator.id }, data: { totpEnabledAt: new Date() } })
    const { operator, password } = await createOperator(context.app.services.operators)
    const signIn = () => context.app.inject({ method: 'POST', url: '/api/admin/session', payload: { email: operator.email, password } })
    expect((await signIn()).json().stage).toBe('active')

    const saved = await call(system.headers, 'PUT', { requireTotp: true })
    expect(saved.statusCode).toBe(200)
    expect(saved.json()).toEqual({ requireTotp: true })
    expect((await call(system.headers, 'GET')).json()).toEqual({ requireTotp: true })
    expect((await signIn()).json().stage).toBe('enrolment_required')
    const event = await context.db.auditEvent.findFirstOrThrow({ where: { action: 'settings.updated' } })
    expect(event).toMatchObject({ actorId: system.operator.id, companyId: null, detail: { changes: { requireTotp: { from: false, to: true } } } })

    await call(system.headers, 'PUT', { requireTotp: false })
    expect((await signIn()).json().stage).toBe('active')
  })
})
