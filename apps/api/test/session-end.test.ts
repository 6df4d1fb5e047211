/**
 * Issue 8, finding 2: an employee session ends — 8 hours after sign-in however often it is
 * refreshed, at logout, and when the credential is re-issued or locked.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SESSION_ABSOLUTE_MS } from '../src/domain/sessions.ts'
import { type TestContext, createTestContext, login, signedInEmployee } from './harness.ts'

let clock = Date.now()
let context: TestContext
beforeAll(async () => {
  context = await createTestContext({ now: () => new Date(clock) })
}, 60_000)
afterAll(() => context.close())

const me = (accessToken: string) => context.app.inject({ method: 'GET', url: '/api/employee/me', headers: { authorization: `Bearer ${accessToken}` } })
const refresh = (accessToken: string) => context.app.inject({ method: 'POST', url: '/api/employee/session/refresh', headers: { authorization: `Bearer ${accessToken}` } })

describe('an employee session ends', () => {
  it('8 hours after sign-in, even when every token was refreshed in time', async () => {
    const employee = await signedInEmployee(context)
    const signedInAt = clock
    let token = employee.accessToken
    let refreshed = 0
    while (clock - signedInAt < SESSION_ABSOLUTE_MS + 60 * 60_000) {
      clock += 10 * 60_000
      const response = await refresh(token)
      if (response.statusCode !== 200) break
      token = response.json().accessToken
      refreshed++
    }
    // Refreshed every 10 minutes for just under 8 hours, then refused.
    expect(refreshed).toBe(SESSION_ABSOLUTE_MS / (10 * 60_000) - 1)
    expect((await me(token)).statusCode).toBe(401)
  })

  it('at logout: the same token is refused from then on, other sessions go on', async () => {
    const employee = await signedInEmployee(context)
    const other = await login(context.app, employee.token, employee.password)
    const out = await context.app.inject({ method: 'POST', url: '/api/employee/session/logout', headers: employee.auth })
    expect(out.statusCode).toBe(204)
    expect((await me(employee.accessToken)).statusCode).toBe(401)
    expect((await refresh(employee.accessToken)).statusCode).toBe(401)
    expect((await me(other)).statusCode).toBe(200)
  })

  it('when the credential locks after 5 wrong passwords from elsewhere', async () => {
    const employee = await signedInEmployee(context)
    for (let n = 0; n < 5; n++) {
      await context.app.inject({ method: 'POST', url: '/api/employee/login', payload: { token: employee.token, password: `wrong-${n}` } })
    }
    expect((await me(employee.accessToken)).statusCode).toBe(401)
  })

  it('when the credential is re-issued', async () => {
    const employee = await signedInEmployee(context)
    await context.app.services.credentials.issue(employee.employee.id)
    expect((await me(employee.accessToken)).statusCode).toBe(401)
    const rows = await context.db.employeeSession.findMany({ where: { credential: { employeeId: employee.employee.id } } })
    expect(rows.every((row) => row.revokedAt !== null)).toBe(true)
  })
})
