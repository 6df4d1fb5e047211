/**
 * The second factor as an attacker meets it: wrong codes counted across sign-ins, enrolment
 * that asks for the password again, recovery codes (hashed, once each), and the installation's
 * 「2 段階認証を必須」 reaching sessions that are already open.
 */
import { TOTP } from 'otpauth'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { hashUrlToken } from '../src/lib/secrets.ts'
import { type TestContext, adminHeaders, createTestContext, signedInOperator } from './harness.ts'

let context: TestContext
beforeAll(async () => {
  context = await createTestContext()
}, 60_000)
afterAll(() => context.close())

type Admin = Awaited<ReturnType<typeof signedInOperator>>
const cookieOf = (response: { cookies: { name: string; value: string }[] }) => response.cookies.find((c) => c.name === 'bango_admin')?.value ?? ''
const post = (url: string, headers: Record<string, string>, payload?: object) =>
  context.app.inject({ method: 'POST', url: `/api/admin${url}`, headers, ...(payload ? { payload } : {}) })

/** Switches TOTP on through the API; answers the authenticator and the confirmation. */
async function enrol(admin: Admin) {
  const begin = await post('/account/totp', admin.headers, { currentPassword: admin.password })
  expect(begin.statusCode).toBe(201)
  const totp = new TOTP({ secret: begin.json().secret })
  const confirm = await post('/account/totp/confirm', admin.headers, { code: totp.generate() })
  expect(confirm.statusCode).toBe(200)
  return { totp, confirm }
}

/** The password step of a new sign-in: headers of the TOTP_REQUIRED session, or the refusal. */
async function passwordStep(admin: Admin) {
  const response = await context.app.inject({ method: 'POST', url: '/api/admin/session', payload: { email: admin.operator.email, password: admin.password } })
  return { response, headers: adminHeaders({ token: cookieOf(response), csrfToken: response.json().csrfToken ?? '' }) }
}

/** A code from ten minutes ahead: outside the ±1 step window. */
const wrongCode = (totp: TOTP) => totp.generate({ timestamp: Date.now() + 600_000 })
const later = (totp: TOTP, steps: number) => totp.generate({ timestamp: Date.now() + steps * 30_000 })

describe('wrong TOTP codes', () => {
  it('count across sign-ins: a right password in between does not clear them, the fifth locks', async () => {
    const admin = await signedInOperator(context)
    const { totp } = await enrol(admin)
    const answers: string[] = []
    for (let round = 0; round < 4 && !answers.includes('ACCOUNT_LOCKED'); round++) {
      const pending = await passwordStep(admin)
      if (pending.response.statusCode !== 201) {
        answers.push(`sign-in ${pending.response.statusCode}`)
        break
      }
      for (let i = 0; i < 4; i++) answers.push((await post('/session/totp', pending.headers, { code: wrongCode(totp) })).json().error.code)
    }
    expect(answers.slice(0, 5)).toEqual([...Array(4).fill('TOTP_INVALID'), 'ACCOUNT_LOCKED'])
    expect((await passwordStep(admin)).response.statusCode).toBe(423)
  })

  it('a right code clears the count, so a later mistyped code starts again from one', async () => {
    const admin = await signedInOperator(context)
    const { totp } = await enrol(admin)
    const pending = await passwordStep(admin)
    for (let i = 0; i < 3; i++) await post('/session/totp', pending.headers, { code: wrongCode(totp) })
    expect((await post('/session/totp', pending.headers, { code: later(totp, 1) })).json().stage).toBe('active')
    expect((await context.db.operator.findUniqueOrThrow({ where: { id: admin.operator.id } })).failedAttempts).toBe(0)
  })
})

describe('TOTP enrolment', () => {
  it('asks for the current password: a stolen session alone cannot switch the second factor on', async () => {
    const admin = await signedInOperator(context)
    expect((await post('/account/totp', admin.headers)).json().error.code).toBe('VALIDATION')
    expect((await post('/account/totp', admin.headers, { currentPassword: 'a-guess' })).json().error.code).toBe('INVALID_CREDENTIALS')
    const operator = await context.db.operator.findUniqueOrThrow({ where: { id: admin.operator.id } })
    expect(operator).toMatchObject({ totpSecret: null, failedAttempts: 1 })
    expect((await post('/account/totp', admin.headers, { currentPassword: admin.password })).statusCode).toBe(201)
  })

  it('ends the account’s other sessions and answers ten recovery codes once, stored only as hashes', async () => {
    const admin = await signedInOperator(context)
    const other = await context.app.services.adminSessions.open(admin.operator.id, 'ACTIVE')
    const { confirm } = await enrol(admin)
    const { recoveryCodes, operator } = confirm.json()
    expect(operator.totpEnabled).toBe(true)
    expect(recoveryCodes).toHaveLength(10)
    expect(new Set(recoveryCodes).size).toBe(10)
    const stored = await context.db.operatorRecoveryCode.findMany({ where: { operatorId: admin.operator.id } })
    expect(stored.map((row) => row.codeHash).sort()).toEqual(recoveryCodes.map((code: string) => hashUrlToken(code.replaceAll('-', ''))).sort())
    expect(
      (
        await context.app.inject({
          method: 'GET',
          url: '/api/admin/session',
          headers: adminHeaders({ token: other.token, csrfToken: other.session.csrfToken }),
        })
      ).statusCode,
    ).toBe(401)
    expect((await context.app.inject({ method: 'GET', url: '/api/admin/session', headers: admin.headers })).statusCode).toBe(200)
  })
})

describe('recovery codes', () => {
  it('stand in for the code at sign-in, once each, audited with how many are left', async () => {
    const admin = await signedInOperator(context)
    const { confirm } = await enrol(admin)
    const [code] = confirm.json().recoveryCodes as string[]
    const first = await passwordStep(admin)
    const used = await post('/session/recovery-code', first.headers, { code: ` ${code} ` })
    expect(used.statusCode).toBe(200)
    expect(used.json().stage).toBe('active')
    const event = await context.db.auditEvent.findFirstOrThrow({ where: { targetId: admin.operator.id, action: 'admin.recovery_code_used' } })
    expect(event.detail).toEqual({ remaining: 9 })

    const again = await passwordStep(admin)
    expect((await post('/session/recovery-code', again.headers, { code })).json().error.code).toBe('TOTP_INVALID')
  })

  it('wrong ones count toward the lock with wrong TOTP codes, and a locked account takes no right one', async () => {
    const admin = await signedInOperator(context)
    const { totp, confirm } = await enrol(admin)
    const pending = await passwordStep(admin)
    const answers = []
    for (let i = 0; i < 3; i++) answers.push((await post('/session/recovery-code', pending.headers, { code: 'ABCD-EFGH-JKMN-PQRS' })).json().error.code)
    answers.push((await post('/session/totp', pending.headers, { code: wrongCode(totp) })).json().error.code)
    answers.push((await post('/session/recovery-code', pending.headers, { code: 'ABCD-EFGH-JKMN-PQRT' })).json().error.code)
    expect(answers).toEqual([...Array(4).fill('TOTP_INVALID'), 'ACCOUNT_LOCKED'])
    expect((await post('/session/recovery-code', pending.headers, { code: confirm.json().recoveryCodes[0] })).statusCode).toBe(423)
    expect(await context.db.operatorRecoveryCode.count({ where: { operatorId: admin.operator.id, usedAt: { not: null } } })).toBe(0)
  })

  it('are deleted when TOTP is switched off', async () => {
    const admin = await signedInOperator(context)
    const { totp } = await enrol(admin)
    const off = await context.app.inject({
      method: 'DELETE',
      url: '/api/admin/account/totp',
      headers: admin.headers,
      payload: { currentPassword: admin.password, code: later(totp, 1) },
    })
    expect(off.statusCode).toBe(204)
    expect(await context.db.operatorRecoveryCode.count({ where: { operatorId: admin.operator.id } })).toBe(0)
  })
})

describe('「2 段階認証を必須」', () => {
  it('sends every open password-only session to enrolment at once; sessions with TOTP go on', async () => {
    const system = await signedInOperator(context, { isSystemAdmin: true })
    await enrol(system)
    const passwordOnly = await signedInOperator(context)
    const withTotp = await signedInOperator(context)
    await enrol(withTotp)
    try {
      const put = await context.app.inject({ method: 'PUT', url: '/api/admin/settings', headers: system.headers, payload: { requireTotp: true } })
      expect(put.statusCode).toBe(200)
      const companies = await context.app.inject({ method: 'GET', url: '/api/admin/companies', headers: passwordOnly.headers })
      expect(companies.json().error?.code).toBe('SESSION_STEP_REQUIRED')
      const session = await context.app.inject({ method: 'GET', url: '/api/admin/session', headers: passwordOnly.headers })
      expect(session.json().stage).toBe('enrolment_required')
      expect((await context.app.inject({ method: 'GET', url: '/api/admin/companies', headers: withTotp.headers })).statusCode).toBe(200)
    } finally {
      await context.db.settings.update({ where: { id: 1 }, data: { requireTotp: false } })
    }
  })
})
