/**
 * An employee session ends (ADR 012) — 8 hours after sign-in however often it is
 * refreshed, at logout, and when the credential is re-issued or locked — and after 「完了」 it
 * may only read the receipt (the routes marked `afterSubmission`).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SESSION_ABSOLUTE_MS } from '../src/domain/sessions.ts'
import { type TestContext, createTestContext, login, signedInEmployee, signedInOperator } from './harness.ts'
import { readyToSubmit } from './submitted.ts'

let clock = Date.now()
let context: TestContext
beforeAll(async () => {
  context = await createTestContext({ now: () => new Date(clock) })
}, 60_000)
afterAll(() => context.close())

const me = (accessToken: string) => context.app.inject({ method: 'GET', url: '/api/employee/me', headers: { authorization: `Bearer ${accessToken}` } })
const refresh = (accessToken: string) =>
  context.app.inject({ method: 'POST', url: '/api/employee/session/refresh', headers: { authorization: `Bearer ${accessToken}` } })

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

describe('after 「完了」 a session reads only the receipt', () => {
  const call = (accessToken: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
    context.app.inject({ method, url: `/api/employee${url}`, headers: { authorization: `Bearer ${accessToken}` }, ...(payload ? { payload } : {}) })
  const redeem = (code: string) => context.app.inject({ method: 'POST', url: '/api/employee/session/handoff/redeem', payload: { code } })

  it('every open session of the credential, including a phone’s; a handoff code shown before can no longer be used', async () => {
    const employee = await readyToSubmit(context)
    const other = await login(context.app, employee.token, employee.password)
    const code = (await call(employee.accessToken, 'POST', '/session/handoff')).json().code as string
    const phone = (await redeem((await call(employee.accessToken, 'POST', '/session/handoff')).json().code)).json().accessToken as string

    expect((await call(employee.accessToken, 'POST', '/submission')).statusCode).toBe(200)
    const rows = await context.db.employeeSession.findMany({ where: { credential: { employeeId: employee.employee.id }, revokedAt: null } })
    expect(rows).toHaveLength(3)
    expect(rows.every((row) => row.receiptOnlyAt !== null)).toBe(true)

    for (const token of [employee.accessToken, other, phone]) {
      // The receipt: who was submitted (the list) and the summary.
      expect((await me(token)).json().submittedAt).toEqual(expect.any(String))
      expect((await call(token, 'GET', '/persons')).json().submittedAt).toEqual(expect.any(String))
      // Anything else: SESSION_RECEIPT_ONLY, before any other check.
      for (const [method, url, body] of [
        ['POST', '/submission'],
        ['POST', '/session/handoff'],
        ['POST', '/consent', { purposes: employee.campaign.purposes }],
        ['PUT', `/persons/${employee.dependents[1]!.id}/applicability`, { applicable: true }],
      ] as const) {
        const response = await call(token, method, url, body)
        expect(response.statusCode, `${method} ${url}`).toBe(403)
        expect(response.json().error.code).toBe('SESSION_RECEIPT_ONLY')
      }
    }
    expect((await redeem(code)).statusCode).toBe(401)
    // Refreshing keeps the session receipt-only; logout still ends it.
    const refreshed = (await refresh(other)).json().accessToken as string
    expect((await call(refreshed, 'POST', '/submission')).json().error.code).toBe('SESSION_RECEIPT_ONLY')
    expect((await call(refreshed, 'POST', '/session/logout')).statusCode).toBe(204)
    expect((await me(refreshed)).statusCode).toBe(401)
  })

  it('a new sign-in after 完了 is receipt-only; after 差し戻し it is fully usable, until the next 完了', async () => {
    const employee = await readyToSubmit(context)
    expect((await call(employee.accessToken, 'POST', '/submission')).statusCode).toBe(200)
    const later = await login(context.app, employee.token, employee.password)
    expect((await me(later)).statusCode).toBe(200)
    expect((await call(later, 'PUT', `/persons/${employee.dependents[1]!.id}/applicability`, { applicable: true })).json().error.code).toBe(
      'SESSION_RECEIPT_ONLY',
    )

    const hr = await signedInOperator(context, { role: 'operator', companyId: employee.company.id })
    const returned = employee.dependents[0]!
    const sendBack = await context.app.inject({
      method: 'POST',
      url: `/api/admin/campaigns/${employee.campaign.id}/employees/${employee.employee.id}/persons/${returned.id}/return`,
      headers: hr.headers,
      payload: { reason: 'other', note: '裏面が写っていません' },
    })
    expect(sendBack.statusCode, sendBack.body).toBe(200)
    // The old sessions stay receipt-only; a new one may redo the returned person and press 完了 again.
    expect((await call(later, 'PUT', `/persons/${returned.id}/applicability`, { applicable: false })).json().error.code).toBe('SESSION_RECEIPT_ONLY')
    const again = await login(context.app, employee.token, employee.password)
    const notApplicable = await call(again, 'PUT', `/persons/${returned.id}/applicability`, { applicable: false })
    expect(notApplicable.statusCode, notApplicable.body).toBe(200)
    expect((await call(again, 'POST', '/session/handoff')).statusCode).toBe(201)
    const resubmitted = await call(again, 'POST', '/submission')
    expect(resubmitted.statusCode, resubmitted.body).toBe(200)
    expect((await call(again, 'POST', '/session/handoff')).json().error.code).toBe('SESSION_RECEIPT_ONLY')
    expect((await me(again)).json()).toMatchObject({ reopened: false })
  })
})
