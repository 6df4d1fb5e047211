/**
 * Brute force and enumeration against the real limits — per address and per
 * URL token on login, the lock after 5 wrong passwords, an unknown token answered exactly like a
 * wrong password, handoff-code guessing, and a budget of 404 answers per address (unknown paths
 * and unknown ids). Each test uses addresses of its own, so their budgets do not mix.
 */
import { randomBytes, randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { build } from '../src/app.ts'
import { createOperator } from './factories.ts'
import { MAX_FAILED_LOGINS } from '../src/domain/credentials.ts'
import { openRedis } from '../src/lib/redis.ts'
import { PER_TOKEN_PER_MINUTE } from '../src/routes/employee/login.ts'
import { type TestContext, createTestContext, sameErrorBody, signedInEmployee } from './harness.ts'

const LOGIN_PER_MINUTE = 8
const NOT_FOUND_PER_MINUTE = 12

let context: TestContext
beforeAll(async () => {
  context = await createTestContext({ rateLimits: { loginPerMinute: LOGIN_PER_MINUTE, uploadPerMinute: 60, notFoundPerMinute: NOT_FOUND_PER_MINUTE } })
}, 60_000)
afterAll(() => context.close())

let nextAddress = 1
/** A client address no other request of this file used. */
const freshAddress = () => `198.51.100.${nextAddress++}`
const unknownToken = () => randomBytes(32).toString('base64url')

const login = (token: string, password: string, remoteAddress: string) =>
  context.app.inject({ method: 'POST', url: '/api/employee/login', payload: { token, password }, remoteAddress })

/** Sends until the first 429 (or `limit` requests): how many got through, and every status. */
async function untilThrottled(send: (n: number) => Promise<{ statusCode: number }>, limit = 50) {
  const statuses: number[] = []
  for (let n = 0; n < limit; n++) {
    const { statusCode } = await send(n)
    statuses.push(statusCode)
    if (statusCode === 429) break
  }
  const throttled = statuses.includes(429)
  return { passed: throttled ? statuses.indexOf(429) : statuses.length, statuses, then: throttled ? 'then 429' : 'never 429' }
}

describe('login', () => {
  it(`throttles one address to ${LOGIN_PER_MINUTE} attempts a minute, whatever the tokens`, async () => {
    const address = freshAddress()
    const { passed, statuses, then } = await untilThrottled(() => login(unknownToken(), 'Guess12345', address))
    console.info(`brute force: login per address — ${passed} attempts answered, ${then}`)
    expect(passed).toBe(LOGIN_PER_MINUTE)
    expect(new Set(statuses.slice(0, passed))).toEqual(new Set([401]))
    // Other addresses go on.
    expect((await login(unknownToken(), 'Guess12345', freshAddress())).statusCode).toBe(401)
  })

  it(`throttles one URL token to ${PER_TOKEN_PER_MINUTE} attempts a minute from however many addresses, and locks it on the ${MAX_FAILED_LOGINS}th wrong password`, async () => {
    const employee = await context.newEmployee()
    const { passed, statuses, then } = await untilThrottled((n) => login(employee.token, `Guess${n}xyz1`, freshAddress()))
    console.info(`brute force: login per token — ${passed} attempts from ${passed + 1} addresses answered, ${then}; statuses ${statuses.join(' ')}`)
    expect(passed).toBe(PER_TOKEN_PER_MINUTE)
    expect(statuses.slice(0, MAX_FAILED_LOGINS - 1)).toEqual(Array(MAX_FAILED_LOGINS - 1).fill(401))
    expect(statuses.slice(MAX_FAILED_LOGINS - 1, passed)).toEqual(Array(passed - MAX_FAILED_LOGINS + 1).fill(423))
    const credential = await context.db.credential.findUniqueOrThrow({ where: { employeeId: employee.employee.id } })
    expect(credential.lockedUntil).not.toBeNull()
  })

  it('locks after 5 wrong passwords: the right one is refused too', async () => {
    const employee = await context.newEmployee()
    const statuses: number[] = []
    for (let n = 0; n < MAX_FAILED_LOGINS; n++) statuses.push((await login(employee.token, `Wrong${n}pass`, freshAddress())).statusCode)
    const right = await login(employee.token, employee.password, freshAddress())
    console.info(`brute force: lockout — wrong passwords ${statuses.join(' ')}, then the right one ${right.statusCode}`)
    expect(statuses).toEqual([401, 401, 401, 401, 423])
    expect(right.statusCode).toBe(423)
    expect(right.json()).not.toHaveProperty('accessToken')
  })

  it('answers an unknown token exactly like a known token with a wrong password (status, body, header names)', async () => {
    const employee = await context.newEmployee()
    const address = freshAddress()
    const known = await login(employee.token, 'Wrong1pass', address)
    const unknown = await login(unknownToken(), 'Wrong1pass', address)
    expect(known.statusCode).toBe(401)
    expect(unknown.statusCode).toBe(known.statusCode)
    expect(sameErrorBody(unknown.body)).toEqual(sameErrorBody(known.body))
    const shape = (headers: Record<string, unknown>) =>
      Object.keys(headers)
        .filter((name) => name !== 'date')
        .sort()
    expect(shape(unknown.headers)).toEqual(shape(known.headers))
    for (const name of ['content-type', 'content-length', 'cache-control']) expect(unknown.headers[name], name).toBe(known.headers[name])
  })
})

describe('handoff codes', () => {
  it(`throttles guessing to ${LOGIN_PER_MINUTE} codes a minute per address`, async () => {
    const address = freshAddress()
    const redeem = () =>
      context.app.inject({ method: 'POST', url: '/api/employee/session/handoff/redeem', payload: { code: unknownToken() }, remoteAddress: address })
    const { passed, statuses, then } = await untilThrottled(redeem)
    console.info(`brute force: handoff redeem per address — ${passed} guesses answered, ${then}`)
    expect(passed).toBe(LOGIN_PER_MINUTE)
    expect(new Set(statuses.slice(0, passed))).toEqual(new Set([401]))
  })
})

describe('404 budget per address', () => {
  it(`answers ${NOT_FOUND_PER_MINUTE} unknown API paths, then 429 to everything from that address — other addresses go on`, async () => {
    const address = freshAddress()
    const employee = await signedInEmployee(context)
    const probe = (n: number) => {
      // Plain and percent-encoded spellings count alike.
      const url = n % 2 === 0 ? `/api/employee/${randomUUID()}` : `/%61pi/admin/${randomUUID()}`
      return context.app.inject({ method: 'GET', url, remoteAddress: address })
    }
    const { passed, statuses, then } = await untilThrottled(probe)
    console.info(`brute force: unknown paths — ${passed} 404s answered, ${then}`)
    expect(passed).toBe(NOT_FOUND_PER_MINUTE)
    expect(new Set(statuses.slice(0, passed))).toEqual(new Set([404]))
    // A real route with a valid session, from the same address: refused until the minute is over.
    const me = (remoteAddress: string) => context.app.inject({ method: 'GET', url: '/api/employee/me', headers: employee.auth, remoteAddress })
    const blocked = await me(address)
    expect(blocked.statusCode).toBe(429)
    expect(blocked.json().error.code).toBe('RATE_LIMITED')
    expect((await me(freshAddress())).statusCode).toBe(200)
  })

  it('counts unknown ids the same way: a found id cannot be told from a missing one once over budget', async () => {
    const address = freshAddress()
    const employee = await signedInEmployee(context)
    const guess = (personId: string) =>
      context.app.inject({
        method: 'PUT',
        url: `/api/employee/persons/${personId}/applicability`,
        headers: employee.auth,
        payload: { applicable: true },
        remoteAddress: address,
      })
    const { passed, statuses, then } = await untilThrottled(() => guess(randomUUID()))
    console.info(`brute force: unknown person ids — ${passed} 404s answered, ${then}`)
    expect(passed).toBe(NOT_FOUND_PER_MINUTE)
    expect(new Set(statuses.slice(0, passed))).toEqual(new Set([404]))
    // The employee's own dependent, from that address: 429 like a missing one.
    expect((await guess(employee.dependents[0]!.id)).statusCode).toBe(429)
    const person = await context.db.person.findUniqueOrThrow({ where: { id: employee.dependents[0]!.id } })
    expect(person.status).toBe('PENDING')
  })
})

describe('operator sign-in', () => {
  it('answers a known, an unknown and a disabled address with the same sequence — 401 ×4, 423 at the 5th, 423 while locked, 401 after 15 min — and stores no row for an unknown one', async () => {
    let clock = new Date('2026-12-07T09:00:00Z')
    const app = await build({ db: context.db, blobs: context.blobs, secrets: context.secrets, now: () => clock })
    try {
      const known = await createOperator(app.services.operators)
      const disabled = await createOperator(app.services.operators)
      await context.db.operator.update({ where: { id: disabled.operator.id }, data: { disabledAt: clock } })
      const operatorsBefore = await context.db.operator.count()

      const signIn = (email: string, password: string) =>
        app.inject({ method: 'POST', url: '/api/admin/session', payload: { email, password }, remoteAddress: freshAddress() })
      const answerOf = (response: Awaited<ReturnType<typeof signIn>>) => ({
        status: response.statusCode,
        body: sameErrorBody(response.body),
        headers: Object.keys(response.headers)
          .filter((name) => name !== 'date')
          .sort(),
        ...Object.fromEntries(['content-type', 'content-length', 'cache-control', 'retry-after'].map((name) => [name, response.headers[name]])),
      })
      /** Five wrong passwords, the right one (or another guess) while locked, then a wrong one after the lock. */
      async function sequence(email: string, right: string) {
        const answers = []
        for (let n = 0; n < MAX_FAILED_LOGINS; n++) answers.push(answerOf(await signIn(email, `wrong-password-${n}`)))
        answers.push(answerOf(await signIn(email, right)))
        clock = new Date(clock.getTime() + 15 * 60_000 + 1_000)
        answers.push(answerOf(await signIn(email, 'wrong-password-after')))
        return answers
      }

      const ofKnown = await sequence(known.operator.email, known.password)
      expect(ofKnown.map((a) => a.status)).toEqual([401, 401, 401, 401, 423, 423, 401])
      expect(await sequence(`Nobody-${randomUUID()}@Example.test`, 'any-password-1')).toEqual(ofKnown)
      expect(await sequence(disabled.operator.email, disabled.password)).toEqual(ofKnown)
      expect(await context.db.operator.count()).toBe(operatorsBefore)
    } finally {
      await app.close()
    }
  })
})

describe('operator sign-in on two instances sharing Redis', () => {
  it('locks an unknown address at the 5th failure counted across both', async () => {
    const redis = openRedis(process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379/12')
    if (redis.status !== 'ready') await new Promise((resolve) => redis.once('ready', resolve))
    const apps = await Promise.all([0, 1].map(() => build({ db: context.db, blobs: context.blobs, secrets: context.secrets, redis })))
    try {
      const email = `nobody-${randomUUID()}@example.test`
      const statuses: number[] = []
      for (let n = 0; n <= MAX_FAILED_LOGINS; n++) {
        const app = apps[n % 2]!
        const response = await app.inject({
          method: 'POST',
          url: '/api/admin/session',
          payload: { email, password: `guess-${n}` },
          remoteAddress: freshAddress(),
        })
        statuses.push(response.statusCode)
      }
      expect(statuses).toEqual([401, 401, 401, 401, 423, 423])
    } finally {
      await Promise.all(apps.map((app) => app.close()))
      redis.disconnect()
    }
  })
})
