/**
 * The employee's receipt after 「完了」: the time of the latest 完了 (a re-submission after
 * 差し戻し moves it; the first one stays on the submission) and a short reference number
 * derived from the submission, the same on every receipt of the household.
 */
import { submissionReference } from '@bango/shared/receipt'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type TestContext, createTestContext, login, signedInOperator } from './harness.ts'
import { readyToSubmit } from './submitted.ts'

let context: TestContext
beforeAll(async () => {
  context = await createTestContext()
}, 60_000)
afterAll(() => context.close())

const call = (accessToken: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
  context.app.inject({ method, url: `/api/employee${url}`, headers: { authorization: `Bearer ${accessToken}` }, ...(payload ? { payload } : {}) })

describe('the receipt', () => {
  it('reads "3F2A-91BC"-style references off the submission id', () => {
    expect(submissionReference('3f2a91bc-0d1e-4f00-8000-000000000000')).toBe('3F2A-91BC')
  })

  it('shows the latest 完了 and the submission’s reference, also after a re-submission', async () => {
    const employee = await readyToSubmit(context)
    const first = await call(employee.accessToken, 'POST', '/submission')
    expect(first.statusCode, first.body).toBe(200)
    const submission = await context.db.submission.findUniqueOrThrow({ where: { employeeId: employee.employee.id } })
    const reference = submissionReference(submission.id)
    expect(reference).toMatch(/^[0-9A-F]{4}-[0-9A-F]{4}$/)
    expect(first.json()).toEqual({ submittedAt: submission.submittedAt.toISOString(), lastSubmittedAt: submission.submittedAt.toISOString(), reference })
    expect((await call(employee.accessToken, 'GET', '/me')).json()).toMatchObject({
      submittedAt: submission.submittedAt.toISOString(),
      lastSubmittedAt: submission.submittedAt.toISOString(),
      submissionReference: reference,
    })

    // 差し戻し, then the returned person redone and 完了 again.
    const hr = await signedInOperator(context, { role: 'operator', companyId: employee.company.id })
    const returned = employee.dependents[0]!
    const sendBack = await context.app.inject({
      method: 'POST',
      url: `/api/admin/campaigns/${employee.campaign.id}/employees/${employee.employee.id}/persons/${returned.id}/return`,
      headers: hr.headers,
      payload: { reason: 'other', note: '裏面が写っていません' },
    })
    expect(sendBack.statusCode, sendBack.body).toBe(200)
    const again = await login(context.app, employee.token, employee.password)
    expect((await call(again, 'PUT', `/persons/${returned.id}/applicability`, { applicable: false })).statusCode).toBe(200)
    const resubmitted = await call(again, 'POST', '/submission')
    expect(resubmitted.statusCode, resubmitted.body).toBe(200)

    const latest = await context.db.auditEvent.findFirstOrThrow({ where: { targetId: submission.id, action: 'employee.resubmitted' } })
    expect(latest.at.getTime()).toBeGreaterThan(submission.submittedAt.getTime())
    expect(resubmitted.json()).toEqual({ submittedAt: submission.submittedAt.toISOString(), lastSubmittedAt: latest.at.toISOString(), reference })
    expect((await call(again, 'GET', '/me')).json()).toMatchObject({
      submittedAt: submission.submittedAt.toISOString(),
      lastSubmittedAt: latest.at.toISOString(),
      submissionReference: reference,
    })
  })

  it('has nothing to show before 完了', async () => {
    const employee = await readyToSubmit(context)
    expect((await call(employee.accessToken, 'GET', '/me')).json()).toMatchObject({ submittedAt: null, lastSubmittedAt: null, submissionReference: null })
  })
})
