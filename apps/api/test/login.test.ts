import { createHash, randomBytes } from 'node:crypto'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { type App, build } from '../src/app.ts'
import { LOCKOUT_MS, MAX_FAILED_LOGINS } from '../src/domain/credentials.ts'
import { type TestContext, createTestContext, sameErrorBody } from './harness.ts'

/**
 * The clock the app reads. `null` = real time; a test that needs to move through the
 * lockout freezes it and afterEach hands back real time, so tests stay independent.
 * (Moving the clock exercises the product's own lockedUntil arithmetic and comparison;
 * rewriting lockedUntil in the database would skip exactly the code under test.)
 */
let frozenAt: Date | null = null
let context: TestContext
let rateLimited: App

beforeAll(async () => {
  context = await createTestContext({ now: () => frozenAt ?? new Date() })
  // Same database and secrets, its own rate-limit store: a second app is all a limit of 3 needs.
  rateLimited = await build({
    db: context.db,
    blobs: context.blobs,
    secrets: context.secrets,
    rateLimits: { loginPerMinute: 3, uploadPerMinute: 1000 },
  })
  await rateLimited.ready()
})
afterAll(async () => {
  await rateLimited?.close()
  await context?.close()
})
afterEach(() => {
  frozenAt = null
})

const WRONG = 'WrongPassword9'

function login(body: unknown, app: App = context.app) {
  return app.inject({ method: 'POST', url: '/api/employee/login', payload: body as object })
}

async function credentialOf(employeeId: string) {
  return context.db.credential.findUniqueOrThrow({ where: { employeeId } })
}

async function auditActions(credentialId: string) {
  const events = await context.db.auditEvent.findMany({ where: { targetId: credentialId }, orderBy: { id: 'asc' } })
  return events.map((event) => event.action)
}

describe('POST /api/employee/login', () => {
  it('answers a correct login with a short-lived session token that works', async () => {
    const seeded = await context.newEmployee()
    const before = Date.now()
    const response = await login({ token: seeded.token, password: seeded.password })
    expect(response.statusCode, response.body).toBe(200)
    const body = response.json()
    expect(Object.keys(body).sort()).toEqual(['accessToken', 'expiresAt'])
    expect(body.accessToken).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/)
    const expiresAt = Date.parse(body.expiresAt)
    expect(expiresAt).toBeGreaterThan(before)
    expect(expiresAt).toBeLessThanOrEqual(Date.now() + 30 * 60 * 1000)

    const me = await context.app.inject({ method: 'GET', url: '/api/employee/me', headers: { authorization: `Bearer ${body.accessToken}` } })
    expect(me.statusCode).toBe(200)
    expect(me.json().employeeName).toBe(seeded.employee.name)
    expect((await credentialOf(seeded.employee.id)).lastLoginAt).not.toBeNull()
  })

  it('refuses a wrong password with 401 INVALID_CREDENTIALS and a developer message (the SPA words it)', async () => {
    const seeded = await context.newEmployee()
    const response = await login({ token: seeded.token, password: WRONG })
    expect(response.statusCode).toBe(401)
    const { error } = response.json()
    expect(error.code).toBe('INVALID_CREDENTIALS')
    expect(error.message).toBe('Wrong token, e-mail or password.')
    expect(response.body).not.toContain(WRONG)
    expect((await credentialOf(seeded.employee.id)).failedAttempts).toBe(1)
  })

  it('answers an unknown, malformed or revoked token exactly like a wrong password', async () => {
    const seeded = await context.newEmployee()
    const wrongPassword = await login({ token: seeded.token, password: WRONG })
    expect(wrongPassword.statusCode).toBe(401)

    const revoked = await context.newEmployee()
    await context.db.credential.update({ where: { employeeId: revoked.employee.id }, data: { revokedAt: new Date() } })

    const tokens = {
      unknownWellFormed: randomBytes(32).toString('base64url'),
      malformedShort: 'abc',
      malformedChars: `${'!'.repeat(40)}../`,
      malformedLong: 'x'.repeat(200),
      revoked: revoked.token,
    }
    expect(tokens.unknownWellFormed).toHaveLength(43)
    for (const [name, token] of Object.entries(tokens)) {
      // Even the right password of a revoked credential gets the generic answer.
      const password = name === 'revoked' ? revoked.password : seeded.password
      const response = await login({ token, password })
      expect(response.statusCode, name).toBe(wrongPassword.statusCode)
      expect(response.headers['content-type'], name).toBe(wrongPassword.headers['content-type'])
      expect(sameErrorBody(response.body), name).toEqual(sameErrorBody(wrongPassword.body))
    }
    // Unknown-token attempts are audited for abuse monitoring (once per address and window, see
    // proxy-and-throttles.test.ts), without the token itself.
    const unknown = await context.db.$queryRawUnsafe<{ row: string }[]>(
      `SELECT a::text AS row FROM audit_events a WHERE action = 'employee.login_unknown_token'`,
    )
    expect(unknown.length).toBeGreaterThanOrEqual(1)
    for (const { row } of unknown) for (const token of Object.values(tokens)) expect(row).not.toContain(token)
  })

  it('locks the credential on the 5th wrong password, refuses even the right one while locked, and reopens after the lock time', async () => {
    frozenAt = new Date('2026-12-01T09:00:00.000Z')
    const seeded = await context.newEmployee()
    const credential = await credentialOf(seeded.employee.id)

    for (let attempt = 1; attempt < MAX_FAILED_LOGINS; attempt++) {
      const response = await login({ token: seeded.token, password: `${WRONG}${attempt}` })
      expect(response.statusCode, `attempt ${attempt}`).toBe(401)
      expect(response.json().error.code).toBe('INVALID_CREDENTIALS')
    }
    expect((await credentialOf(seeded.employee.id)).failedAttempts).toBe(MAX_FAILED_LOGINS - 1)

    const fifth = await login({ token: seeded.token, password: WRONG })
    expect(fifth.statusCode).toBe(423)
    expect(fifth.json().error.code).toBe('CREDENTIAL_LOCKED')
    expect(fifth.json().error.message).toBe('Credential locked after repeated wrong passwords.')
    expect((await credentialOf(seeded.employee.id)).lockedUntil).toEqual(new Date(frozenAt.getTime() + LOCKOUT_MS))

    const sixth = await login({ token: seeded.token, password: WRONG })
    expect(sixth.statusCode).toBe(423)
    expect(sixth.json().error.code).toBe('CREDENTIAL_LOCKED')

    const rightWhileLocked = await login({ token: seeded.token, password: seeded.password })
    expect(rightWhileLocked.statusCode).toBe(423)
    expect(rightWhileLocked.json().error.code).toBe('CREDENTIAL_LOCKED')
    expect(rightWhileLocked.json()).not.toHaveProperty('accessToken')

    // One second before the lock ends: still locked.
    frozenAt = new Date(frozenAt.getTime() + LOCKOUT_MS - 1000)
    expect((await login({ token: seeded.token, password: seeded.password })).statusCode).toBe(423)

    // Once it has ended: a wrong password counts afresh (401, not 423), the right one logs in.
    frozenAt = new Date(frozenAt.getTime() + 2000)
    const wrongAfter = await login({ token: seeded.token, password: WRONG })
    expect(wrongAfter.statusCode).toBe(401)
    expect(wrongAfter.json().error.code).toBe('INVALID_CREDENTIALS')
    const rightAfter = await login({ token: seeded.token, password: seeded.password })
    expect(rightAfter.statusCode, rightAfter.body).toBe(200)
    expect(rightAfter.json().accessToken).toEqual(expect.any(String))

    expect(await auditActions(credential.id)).toEqual([
      ...Array(MAX_FAILED_LOGINS - 1).fill('employee.login_failed'),
      'employee.locked',
      'employee.login_refused_locked',
      'employee.login_refused_locked',
      'employee.login_refused_locked',
      'employee.login_failed',
      'employee.login',
    ])
  })

  it('cannot be raced: parallel wrong passwords get no more than the allowed guesses', async () => {
    const seeded = await context.newEmployee()
    const attempts = 10
    const responses = await Promise.all(Array.from({ length: attempts }, (_, i) => login({ token: seeded.token, password: `${WRONG}${i}` })))
    const statuses = responses.map((response) => response.statusCode)
    expect(
      statuses.every((status) => status === 401 || status === 423),
      statuses.join(','),
    ).toBe(true)
    // Only MAX_FAILED_LOGINS - 1 guesses may be answered "wrong password"; the rest must meet the lock.
    expect(statuses.filter((status) => status === 401).length, statuses.join(',')).toBeLessThanOrEqual(MAX_FAILED_LOGINS - 1)
    expect((await credentialOf(seeded.employee.id)).lockedUntil).not.toBeNull()
    // The right password is refused too: by the lock, or by the per-token limit these attempts used up.
    const right = await login({ token: seeded.token, password: seeded.password })
    expect([423, 429]).toContain(right.statusCode)
  })

  it('resets the failure counter on a successful login', async () => {
    const seeded = await context.newEmployee()
    for (let attempt = 1; attempt < MAX_FAILED_LOGINS; attempt++) {
      expect((await login({ token: seeded.token, password: WRONG })).statusCode).toBe(401)
    }
    expect((await login({ token: seeded.token, password: seeded.password })).statusCode).toBe(200)
    expect((await credentialOf(seeded.employee.id)).failedAttempts).toBe(0)
    // A full set of fresh guesses is needed again before the lock.
    for (let attempt = 1; attempt < MAX_FAILED_LOGINS; attempt++) {
      expect((await login({ token: seeded.token, password: WRONG })).statusCode, `attempt ${attempt}`).toBe(401)
    }
    expect((await login({ token: seeded.token, password: WRONG })).statusCode).toBe(423)
  })

  it('audits successes, failures and the lock, without any secret in the events', async () => {
    const seeded = await context.newEmployee()
    const credential = await credentialOf(seeded.employee.id)
    const wrongPasswords = Array.from({ length: MAX_FAILED_LOGINS }, (_, i) => `Guess${i}${randomBytes(4).toString('hex')}`)
    expect((await login({ token: seeded.token, password: seeded.password })).statusCode).toBe(200)
    for (const password of wrongPasswords) await login({ token: seeded.token, password })

    const events = await context.db.auditEvent.findMany({ where: { targetId: credential.id }, orderBy: { id: 'asc' } })
    expect(events.map((event) => event.action)).toEqual(['employee.login', ...Array(MAX_FAILED_LOGINS - 1).fill('employee.login_failed'), 'employee.locked'])
    for (const event of events) {
      expect(event).toMatchObject({ companyId: seeded.company.id, actorType: 'employee', actorId: seeded.employee.id })
    }
    // Nothing secret in any audit row, read back as text from the database itself.
    const rows = await context.db.$queryRawUnsafe<{ row: string }[]>('SELECT a::text AS row FROM audit_events a WHERE target_id = $1', credential.id)
    expect(rows).toHaveLength(events.length)
    for (const { row } of rows) {
      for (const secret of [seeded.token, seeded.password, credential.passwordHash, ...wrongPasswords]) expect(row).not.toContain(secret)
    }
  })

  it('stores only a SHA-256 of the token and an argon2id hash of the password', async () => {
    const seeded = await context.newEmployee()
    expect((await login({ token: seeded.token, password: seeded.password })).statusCode).toBe(200)
    const credential = await credentialOf(seeded.employee.id)
    expect(credential.tokenHash).toBe(createHash('sha256').update(seeded.token).digest('hex'))
    expect(credential.passwordHash).toMatch(/^\$argon2id\$v=19\$m=\d+,t=\d+,p=\d+\$[A-Za-z0-9+/]+\$[A-Za-z0-9+/]+$/)
    const rows = await context.db.$queryRawUnsafe<{ row: string }[]>('SELECT c::text AS row FROM credentials c')
    expect(rows.length).toBeGreaterThan(0)
    const everything = rows.map(({ row }) => row).join('\n')
    expect(everything).toContain(credential.tokenHash)
    expect(everything).not.toContain(seeded.token)
    expect(everything).not.toContain(seeded.password)
  })

  it('answers malformed JSON with 400 VALIDATION, not a server error', async () => {
    const bodies = ['{"token": "abc", "password": ', '{token: abc}', 'null x', '']
    for (const payload of bodies) {
      const response = await context.app.inject({ method: 'POST', url: '/api/employee/login', headers: { 'content-type': 'application/json' }, payload })
      expect(response.statusCode, JSON.stringify(payload)).toBe(400)
      expect(response.json().error.code).toBe('VALIDATION')
    }
  })

  it('answers missing fields, wrong types and oversized values with 400 VALIDATION, without echoing them', async () => {
    const secretLooking = 'TopSecretPassword123'
    const bodies: unknown[] = [
      {},
      { token: randomBytes(32).toString('base64url') },
      { password: secretLooking },
      { token: 123, password: secretLooking },
      { token: ['a'], password: secretLooking },
      { token: 'a', password: { $ne: null } },
      { token: '', password: '' },
      { token: 'a', password: 'p'.repeat(201) },
      [],
      'token=a&password=b',
    ]
    for (const body of bodies) {
      const response = await login(body)
      expect(response.statusCode, JSON.stringify(body)).toBe(400)
      expect(response.json().error.code).toBe('VALIDATION')
      expect(response.body).not.toContain(secretLooking)
    }
  })

  it('rate-limits login per client: the 4th request in a minute gets 429 RATE_LIMITED, even with the right password', async () => {
    const seeded = await context.newEmployee()
    for (let i = 0; i < 3; i++) {
      const response = await login({ token: randomBytes(32).toString('base64url'), password: WRONG }, rateLimited)
      expect(response.statusCode, `request ${i + 1}`).toBe(401)
    }
    const fourth = await login({ token: seeded.token, password: seeded.password }, rateLimited)
    expect(fourth.statusCode).toBe(429)
    expect(fourth.json().error.code).toBe('RATE_LIMITED')
    expect(fourth.json().error.message).toBe('Too many requests.')
    expect(fourth.json()).not.toHaveProperty('accessToken')
    // The refused request never reached the credential: no login was recorded.
    expect((await credentialOf(seeded.employee.id)).lastLoginAt).toBeNull()
  })
})
