/** 「スマートフォンで続ける」: a one-time, short-lived code moves a session from the PC to a phone. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type TestContext, createTestContext, signedInEmployee } from './harness.ts'

let context: TestContext
let clock: Date | null = null
beforeAll(async () => {
  context = await createTestContext({ now: () => clock ?? new Date() })
})
afterAll(async () => {
  await context.close()
})

async function issue(auth: Record<string, string>) {
  const response = await context.app.inject({ method: 'POST', url: '/api/employee/session/handoff', headers: auth })
  expect(response.statusCode, response.body).toBe(201)
  return response.json() as { code: string; issuedAt: string; expiresAt: string }
}
const status = async (auth: Record<string, string>) => {
  const response = await context.app.inject({ method: 'GET', url: '/api/employee/session/handoff', headers: auth })
  expect(response.statusCode, response.body).toBe(200)
  return response.json() as { redeemedAt: string | null }
}
const redeem = (code: unknown) => context.app.inject({ method: 'POST', url: '/api/employee/session/handoff/redeem', payload: { code } })

describe('session handoff', () => {
  it('gives the phone a session of the same employee, once', async () => {
    const employee = await signedInEmployee(context)
    const { code, expiresAt } = await issue(employee.auth)
    expect(code).toMatch(/^[A-Za-z0-9_-]{43}$/)
    expect(Date.parse(expiresAt) - Date.now()).toBeLessThanOrEqual(5 * 60_000)

    const first = await redeem(code)
    expect(first.statusCode).toBe(200)
    const phone = { authorization: `Bearer ${first.json().accessToken}` }
    const persons = await context.app.inject({ method: 'GET', url: '/api/employee/persons', headers: phone })
    expect(persons.statusCode).toBe(200)
    expect(persons.json().persons[0].id).toBe(employee.employee.id)

    const second = await redeem(code)
    expect(second.statusCode).toBe(401)
    expect(second.json().error.code).toBe('HANDOFF_INVALID')
    // Stored only as a hash.
    const rows = await context.db.$queryRawUnsafe<{ row: string }[]>('SELECT h::text AS row FROM session_handoffs h')
    for (const { row } of rows) expect(row).not.toContain(code)
  })

  it('lets exactly one of two simultaneous scans win', async () => {
    const employee = await signedInEmployee(context)
    const { code } = await issue(employee.auth)
    const results = await Promise.all([redeem(code), redeem(code), redeem(code)])
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 401, 401])
  })

  it('refuses an expired code, an unknown one, and one whose login was re-issued', async () => {
    const employee = await signedInEmployee(context)
    const { code } = await issue(employee.auth)
    clock = new Date(Date.now() + 5 * 60_000 + 1000)
    try {
      expect((await redeem(code)).json().error.code).toBe('HANDOFF_INVALID')
    } finally {
      clock = null
    }
    expect((await redeem('x'.repeat(43))).statusCode).toBe(401)
    expect((await redeem(42)).statusCode).toBe(400)

    const other = await signedInEmployee(context)
    const pending = await issue(other.auth)
    await context.app.services.credentials.issue(other.employee.id)
    expect((await redeem(pending.code)).json().error.code).toBe('HANDOFF_INVALID')
  })

  it('is issued only to a signed-in session', async () => {
    const response = await context.app.inject({ method: 'POST', url: '/api/employee/session/handoff' })
    expect(response.statusCode).toBe(401)
    expect((await context.app.inject({ method: 'GET', url: '/api/employee/session/handoff' })).statusCode).toBe(401)
  })

  it('tells the PC when a phone has taken over with a code of its own login only', async () => {
    const employee = await signedInEmployee(context)
    const other = await signedInEmployee(context)
    const { code, issuedAt } = await issue(employee.auth)
    expect(await status(employee.auth)).toEqual({ redeemedAt: null })
    expect((await redeem(code)).statusCode).toBe(200)
    const { redeemedAt } = await status(employee.auth)
    expect(Date.parse(redeemedAt ?? '')).toBeGreaterThanOrEqual(Date.parse(issuedAt))
    expect(await status(other.auth)).toEqual({ redeemedAt: null })
  })
})
