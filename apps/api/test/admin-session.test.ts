import { TOTP } from 'otpauth'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createOperator } from './factories.ts'
import { type TestContext, adminHeaders, createTestContext, login, signedInOperator } from './harness.ts'

let context: TestContext
beforeAll(async () => {
  context = await createTestContext()
}, 60_000)
afterAll(() => context.close())

const cookieOf = (response: { cookies: { name: string; value: string }[] }) => response.cookies.find((c) => c.name === 'bango_admin')?.value ?? ''

async function signIn(email: string, password: string) {
  return context.app.inject({ method: 'POST', url: '/api/admin/session', payload: { email, password } })
}

describe('admin sign-in', () => {
  it('opens an ACTIVE session in an HttpOnly SameSite=Strict cookie and answers who is signed in', async () => {
    const { operator, password } = await createOperator(context.app.services.operators, { email: 'Hr.Admin@Example.test' })
    const response = await signIn('hr.admin@example.test', password)
    expect(response.statusCode).toBe(201)
    const setCookie = String(response.headers['set-cookie'])
    expect(setCookie).toMatch(/HttpOnly/)
    expect(setCookie).toMatch(/SameSite=Strict/)
    expect(setCookie).not.toMatch(/Secure/)
    const body = response.json()
    expect(body).toMatchObject({ stage: 'active', operator: { id: operator.id, email: 'hr.admin@example.test' } })

    const me = await context.app.inject({ method: 'GET', url: '/api/admin/session', headers: { cookie: `bango_admin=${cookieOf(response)}` } })
    expect(me.statusCode).toBe(200)
    expect(me.json().operator.id).toBe(operator.id)
  })

  it('answers a wrong password and an unknown e-mail alike, and locks after 5 failures', async () => {
    const { operator, password } = await createOperator(context.app.services.operators)
    const unknown = await signIn('nobody@example.test', 'whatever')
    expect(unknown.statusCode).toBe(401)
    for (let i = 0; i < 4; i++) expect((await signIn(operator.email, 'wrong')).json().error.code).toBe('INVALID_CREDENTIALS')
    expect((await signIn(operator.email, 'wrong')).json().error.code).toBe('ACCOUNT_LOCKED')
    expect((await signIn(operator.email, password)).statusCode).toBe(423)
    const actions = (await context.db.auditEvent.findMany({ where: { targetId: operator.id }, orderBy: { id: 'asc' } })).map((e) => e.action)
    expect(actions).toEqual([...Array(4).fill('admin.login_failed'), 'admin.locked', 'admin.login_refused_locked'])
  })

  it('a wrong current password at a password change counts toward the lock, as at sign-in', async () => {
    const admin = await signedInOperator(context)
    const change = (currentPassword: string) =>
      context.app.inject({
        method: 'PUT',
        url: '/api/admin/account/password',
        headers: admin.headers,
        payload: { currentPassword, newPassword: 'a-new-long-password' },
      })
    for (let i = 0; i < 4; i++) expect((await change(`guess-${i}`)).json().error.code).toBe('INVALID_CREDENTIALS')
    expect((await change('guess-4')).json().error.code).toBe('ACCOUNT_LOCKED')
    // Locked: the right password changes nothing, and sign-in is refused too.
    const right = await change(admin.password)
    expect(right.statusCode).toBe(423)
    expect((await signIn(admin.operator.email, admin.password)).statusCode).toBe(423)
    const operator = await context.db.operator.findUniqueOrThrow({ where: { id: admin.operator.id } })
    expect(operator.passwordHash).toBe(admin.operator.passwordHash)
    const actions = (
      await context.db.auditEvent.findMany({ where: { targetId: admin.operator.id, action: { startsWith: 'admin.' } }, orderBy: { id: 'asc' } })
    ).map((e) => e.action)
    expect(actions).toEqual([...Array(4).fill('admin.password_check_failed'), 'admin.locked', 'admin.login_refused_locked'])
  })

  it('a right current password clears the failures counted before it', async () => {
    const admin = await signedInOperator(context)
    const change = (currentPassword: string, newPassword: string) =>
      context.app.inject({ method: 'PUT', url: '/api/admin/account/password', headers: admin.headers, payload: { currentPassword, newPassword } })
    for (let i = 0; i < 4; i++) expect((await change(`guess-${i}`, 'a-new-long-password')).statusCode).toBe(401)
    expect((await change(admin.password, 'a-new-long-password')).statusCode).toBe(200)
    expect((await context.db.operator.findUniqueOrThrow({ where: { id: admin.operator.id } })).failedAttempts).toBe(0)
  })

  it('logout revokes the session at once', async () => {
    const admin = await signedInOperator(context)
    const out = await context.app.inject({ method: 'DELETE', url: '/api/admin/session', headers: admin.headers })
    expect(out.statusCode).toBe(204)
    const after = await context.app.inject({ method: 'GET', url: '/api/admin/session', headers: admin.headers })
    expect(after.statusCode).toBe(401)
  })

  it('refuses an unsafe method without the CSRF token, and ignores an employee JWT', async () => {
    const admin = await signedInOperator(context)
    const noCsrf = await context.app.inject({ method: 'DELETE', url: '/api/admin/session', headers: { cookie: admin.headers.cookie } })
    expect(noCsrf.json().error.code).toBe('CSRF_INVALID')
    const employee = await context.newEmployee()
    const jwt = await login(context.app, employee.token, employee.password)
    const withJwt = await context.app.inject({ method: 'GET', url: '/api/admin/session', headers: { authorization: `Bearer ${jwt}` } })
    expect(withJwt.statusCode).toBe(401)
    const adminOnEmployee = await context.app.inject({ method: 'GET', url: '/api/employee/me', headers: admin.headers })
    expect(adminOnEmployee.statusCode).toBe(401)
  })

  it('TOTP: enrolment is verified before it is switched on; then sign-in needs a code, used once', async () => {
    const admin = await signedInOperator(context)
    const begin = await context.app.inject({
      method: 'POST',
      url: '/api/admin/account/totp',
      headers: admin.headers,
      payload: { currentPassword: admin.password },
    })
    expect(begin.statusCode).toBe(201)
    const { secret, uri } = begin.json()
    expect(uri).toMatch(/^otpauth:\/\/totp\//)
    const totp = new TOTP({ secret })
    const wrong = await context.app.inject({
      method: 'POST',
      url: '/api/admin/account/totp/confirm',
      headers: admin.headers,
      payload: { code: '000000' === totp.generate() ? '111111' : '000000' },
    })
    expect(wrong.json().error.code).toBe('TOTP_INVALID')
    const ok = await context.app.inject({ method: 'POST', url: '/api/admin/account/totp/confirm', headers: admin.headers, payload: { code: totp.generate() } })
    expect(ok.statusCode).toBe(200)
    expect(ok.json().operator.totpEnabled).toBe(true)

    const first = await signIn(admin.operator.email, admin.password)
    expect(first.json().stage).toBe('totp_required')
    const pending = { token: cookieOf(first), csrfToken: first.json().csrfToken }
    const blocked = await context.app.inject({ method: 'DELETE', url: '/api/admin/account/totp', headers: adminHeaders(pending) })
    expect(blocked.json().error.code).toBe('SESSION_STEP_REQUIRED')
    // The code used to confirm enrolment cannot be replayed.
    const replay = await context.app.inject({
      method: 'POST',
      url: '/api/admin/session/totp',
      headers: adminHeaders(pending),
      payload: { code: totp.generate() },
    })
    expect(replay.json().error.code).toBe('TOTP_INVALID')
    const next = totp.generate({ timestamp: Date.now() + 30_000 })
    const verified = await context.app.inject({ method: 'POST', url: '/api/admin/session/totp', headers: adminHeaders(pending), payload: { code: next } })
    expect(verified.statusCode).toBe(200)
    expect(verified.json().stage).toBe('active')
    // The pre-second-factor token died with the step.
    const old = await context.app.inject({ method: 'GET', url: '/api/admin/session', headers: adminHeaders(pending) })
    expect(old.statusCode).toBe(401)
  })

  it('switching TOTP off takes the password and a current code, and ends the other sessions', async () => {
    const admin = await signedInOperator(context)
    const { secret } = (
      await context.app.inject({ method: 'POST', url: '/api/admin/account/totp', headers: admin.headers, payload: { currentPassword: admin.password } })
    ).json()
    const totp = new TOTP({ secret })
    await context.app.inject({ method: 'POST', url: '/api/admin/account/totp/confirm', headers: admin.headers, payload: { code: totp.generate() } })
    const other = await context.app.services.adminSessions.open(admin.operator.id, 'ACTIVE')
    const off = (payload?: object) =>
      context.app.inject({ method: 'DELETE', url: '/api/admin/account/totp', headers: admin.headers, ...(payload ? { payload } : {}) })
    const next = (offset: number) => totp.generate({ timestamp: Date.now() + offset * 30_000 })

    // A stolen session alone cannot switch the second factor off.
    expect((await off()).json().error.code).toBe('VALIDATION')
    expect((await off({ currentPassword: 'wrong-password', code: next(1) })).json().error.code).toBe('INVALID_CREDENTIALS')
    expect((await off({ currentPassword: admin.password, code: '000000' === next(1) ? '111111' : '000000' })).json().error.code).toBe('TOTP_INVALID')
    expect((await context.db.operator.findUniqueOrThrow({ where: { id: admin.operator.id } })).totpEnabledAt).not.toBeNull()

    expect((await off({ currentPassword: admin.password, code: next(1) })).statusCode).toBe(204)
    expect((await context.db.operator.findUniqueOrThrow({ where: { id: admin.operator.id } })).totpEnabledAt).toBeNull()
    const otherSession = await context.app.inject({
      method: 'GET',
      url: '/api/admin/session',
      headers: adminHeaders({ token: other.token, csrfToken: other.session.csrfToken }),
    })
    expect(otherSession.statusCode).toBe(401)
    expect((await context.app.inject({ method: 'GET', url: '/api/admin/session', headers: admin.headers })).statusCode).toBe(200)
  })

  it('a password change ends every other session of the account', async () => {
    const admin = await signedInOperator(context)
    const other = await signIn(admin.operator.email, admin.password)
    const otherHeaders = adminHeaders({ token: cookieOf(other), csrfToken: other.json().csrfToken })
    const change = await context.app.inject({
      method: 'PUT',
      url: '/api/admin/account/password',
      headers: admin.headers,
      payload: { currentPassword: admin.password, newPassword: 'a-new-long-password' },
    })
    expect(change.statusCode).toBe(200)
    expect((await context.app.inject({ method: 'GET', url: '/api/admin/session', headers: otherHeaders })).statusCode).toBe(401)
    expect((await context.app.inject({ method: 'GET', url: '/api/admin/session', headers: admin.headers })).statusCode).toBe(200)
  })
})
