/**
 * One-time passwords expire, and the way back for an operator who forgot the password or lost
 * the authenticator: the administrator's reset (one action: new one-time password, TOTP and
 * recovery codes gone, sessions ended, audited). The command-line reset: admin-reset-cli.test.ts.
 */
import { TOTP } from 'otpauth'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createCompany } from './factories.ts'
import { type TestContext, createTestContext, signedInOperator } from './harness.ts'

let context: TestContext
beforeAll(async () => {
  context = await createTestContext()
}, 60_000)
afterAll(() => context.close())

type Admin = Awaited<ReturnType<typeof signedInOperator>>
const HOUR = 3_600_000

const signIn = (email: string, password: string) => context.app.inject({ method: 'POST', url: '/api/admin/session', payload: { email, password } })
const reset = (caller: Admin, companyId: string, operatorId: string, currentPassword = caller.password) =>
  context.app.inject({
    method: 'POST',
    url: `/api/admin/companies/${companyId}/operators/${operatorId}/reset`,
    headers: caller.headers,
    payload: { currentPassword },
  })

/** Switches TOTP on for `operator` through the API. */
async function enrol(operator: Admin) {
  const begin = await context.app.inject({
    method: 'POST',
    url: '/api/admin/account/totp',
    headers: operator.headers,
    payload: { currentPassword: operator.password },
  })
  const totp = new TOTP({ secret: begin.json().secret })
  const confirm = await context.app.inject({
    method: 'POST',
    url: '/api/admin/account/totp/confirm',
    headers: operator.headers,
    payload: { code: totp.generate() },
  })
  expect(confirm.json().operator.totpEnabled).toBe(true)
}

describe('one-time passwords', () => {
  it('stop working 72 hours after they were issued, with an answer of their own (only to the right password)', async () => {
    const companyId = (await createCompany(context.db)).id
    const { operator, password } = await context.app.services.operators.create({
      email: 'late@example.test',
      name: '遅刻 太郎',
      assignments: [{ companyId, role: 'operator' }],
    })
    await context.db.operator.update({ where: { id: operator.id }, data: { passwordChangedAt: new Date(Date.now() - 71 * HOUR) } })
    expect((await signIn(operator.email, password)).json().stage).toBe('password_change_required')

    await context.db.operator.update({ where: { id: operator.id }, data: { passwordChangedAt: new Date(Date.now() - 73 * HOUR) } })
    const expired = await signIn(operator.email, password)
    expect(expired.statusCode).toBe(401)
    expect(expired.json().error.code).toBe('ONE_TIME_PASSWORD_EXPIRED')
    expect((await signIn(operator.email, 'not-the-password')).json().error.code).toBe('INVALID_CREDENTIALS')
    expect(await context.db.auditEvent.count({ where: { targetId: operator.id, action: 'admin.login_refused_expired' } })).toBe(1)
  })

  it('a chosen password does not expire', async () => {
    const admin = await signedInOperator(context)
    await context.db.operator.update({ where: { id: admin.operator.id }, data: { passwordChangedAt: new Date(Date.now() - 90 * 24 * HOUR) } })
    expect((await signIn(admin.operator.email, admin.password)).statusCode).toBe(201)
  })
})

describe('the administrator’s reset', () => {
  it('issues a new expiring one-time password, switches TOTP off, ends every session, unlocks, and is audited', async () => {
    const admin = await signedInOperator(context)
    const target = await signedInOperator(context, { role: 'operator', companyId: admin.companyId })
    await enrol(target)
    await context.db.operator.update({ where: { id: target.operator.id }, data: { lockedUntil: new Date(Date.now() + HOUR), failedAttempts: 3 } })

    const response = await reset(admin, admin.companyId, target.operator.id)
    expect(response.statusCode).toBe(200)
    const { oneTimePassword, expiresAt, operator } = response.json()
    expect(operator).toMatchObject({ id: target.operator.id, totpEnabled: false, lockedUntil: null })
    expect(Date.parse(expiresAt) - Date.now()).toBeGreaterThan(71 * HOUR)

    expect((await context.app.inject({ method: 'GET', url: '/api/admin/session', headers: target.headers })).statusCode).toBe(401)
    expect(await context.db.operatorRecoveryCode.count({ where: { operatorId: target.operator.id } })).toBe(0)
    expect((await signIn(target.operator.email, target.password)).json().error.code).toBe('INVALID_CREDENTIALS')
    expect((await signIn(target.operator.email, oneTimePassword)).json().stage).toBe('password_change_required')
    const event = await context.db.auditEvent.findFirstOrThrow({ where: { action: 'operator.reset', targetId: target.operator.id } })
    expect(event).toMatchObject({ actorId: admin.operator.id, companyId: admin.companyId })
  })

  it('asks for the administrator’s own password, counted toward their lock', async () => {
    const admin = await signedInOperator(context)
    const target = await signedInOperator(context, { role: 'operator', companyId: admin.companyId })
    expect((await reset(admin, admin.companyId, target.operator.id, 'a-guess')).json().error.code).toBe('INVALID_CREDENTIALS')
    expect((await context.db.operator.findUniqueOrThrow({ where: { id: admin.operator.id } })).failedAttempts).toBe(1)
    expect((await context.app.inject({ method: 'GET', url: '/api/admin/session', headers: target.headers })).statusCode).toBe(200)
  })

  it('is refused for oneself, to a mere operator, for a system administrator, and for an account that also serves a company the caller does not administer', async () => {
    const admin = await signedInOperator(context)
    const operator = await signedInOperator(context, { role: 'operator', companyId: admin.companyId })
    const colleague = await signedInOperator(context, { role: 'operator', companyId: admin.companyId })
    const elsewhere = (await createCompany(context.db)).id
    const shared = await signedInOperator(context, {
      assignments: [
        { companyId: admin.companyId, role: 'operator' },
        { companyId: elsewhere, role: 'operator' },
      ],
    })
    const system = await signedInOperator(context, { isSystemAdmin: true, assignments: [{ companyId: admin.companyId, role: 'administrator' }] })

    expect((await reset(admin, admin.companyId, admin.operator.id)).statusCode).toBe(403)
    expect((await reset(operator, admin.companyId, colleague.operator.id)).statusCode).toBe(403)
    expect((await reset(admin, admin.companyId, system.operator.id)).statusCode).toBe(403)
    expect((await reset(admin, admin.companyId, shared.operator.id)).statusCode).toBe(403)
    // A system administrator governs every account.
    expect((await reset(system, admin.companyId, shared.operator.id)).statusCode).toBe(200)
    expect(
      await context.db.auditEvent.count({
        where: { action: 'operator.reset', targetId: { in: [admin.operator.id, colleague.operator.id, system.operator.id] } },
      }),
    ).toBe(0)
  })
})
