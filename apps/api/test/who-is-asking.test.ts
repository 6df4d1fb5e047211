/**
 * The employee sees who is asking (ADR 051) — the company before the password, the
 * campaign's 問い合わせ先 on error and completion screens — and a receipt of what was submitted.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { disposePersons, householdOf } from '../src/domain/admin/dispose-persons.ts'
import { type TestContext, createTestContext, signedInEmployee, signedInOperator } from './harness.ts'
import { submittedEmployee } from './submitted.ts'

let context: TestContext
beforeAll(async () => {
  context = await createTestContext()
}, 60_000)
afterAll(() => context.close())

const CONTACT = '人事部 マイナンバー係 内線 1234 / hr@example.co.jp'
const link = (token: string) => context.app.inject({ method: 'POST', url: '/api/employee/link', payload: { token } })

describe('who is asking', () => {
  it('a live link names the company and the 問い合わせ先 before sign-in — nothing about the employee', async () => {
    const seeded = await context.newEmployee({ companyName: '株式会社 見本商事', campaign: { contact: CONTACT } })
    const response = await link(seeded.token)
    expect(response.statusCode).toBe(200)
    expect(response.json()).toEqual({ companyName: '株式会社 見本商事', contact: CONTACT, closed: false, pending: false, disposal: null })
    expect(response.body).not.toContain(seeded.employee.name)
  })

  it('says before sign-in that HR closed the campaign', async () => {
    const seeded = await context.newEmployee()
    await context.db.campaign.update({ where: { id: seeded.campaign.id }, data: { status: 'CLOSED', closedAt: new Date() } })
    expect((await link(seeded.token)).json()).toMatchObject({ closed: true })
  })

  it('after disposal (廃棄) the link says only what happened — by HR or at the end of retention, submitted or not — and signs nobody in', async () => {
    const submitted = await submittedEmployee(context, { campaign: { contact: CONTACT } })
    const { headers } = await signedInOperator(context, { role: 'administrator', companyId: submitted.company.id })
    const disposed = await context.app.inject({
      method: 'POST',
      url: `/api/admin/campaigns/${submitted.campaign.id}/employees/${submitted.employee.id}/persons/${submitted.employee.id}/dispose`,
      headers,
      payload: { reason: '退職に伴う廃棄' },
    })
    expect(disposed.statusCode, disposed.body).toBe(200)
    const byCompany = (await link(submitted.token)).json()
    expect(byCompany).toEqual({
      companyName: submitted.company.name,
      contact: CONTACT,
      closed: false,
      pending: false,
      disposal: { at: expect.any(String), by: 'company', submitted: true },
    })

    const neverSubmitted = await context.newEmployee()
    await context.db.$transaction(async (tx) =>
      disposePersons(tx, await householdOf(tx, [neverSubmitted.employee.id]), {
        trigger: 'retention',
        reason: '保存期間の終了',
        disposedById: null,
        at: new Date(),
      }),
    )
    expect((await link(neverSubmitted.token)).json().disposal).toEqual({ at: expect.any(String), by: 'retention', submitted: false })

    for (const { token, password } of [submitted, neverSubmitted]) {
      const login = await context.app.inject({ method: 'POST', url: '/api/employee/login', payload: { token, password } })
      expect(login.statusCode).toBe(401)
    }
  })

  it('an unknown or re-issued link answers 404 like any unknown thing; a bad body 400', async () => {
    const seeded = await context.newEmployee()
    await context.app.services.credentials.issue(seeded.employee.id)
    for (const token of [seeded.token, 'x'.repeat(43)]) {
      const response = await link(token)
      expect(response.statusCode).toBe(404)
      expect(response.json().error.code).toBe('NOT_FOUND')
    }
    expect((await context.app.inject({ method: 'POST', url: '/api/employee/link', payload: { token: 'a\u0000b' } })).statusCode).toBe(400)
  })

  it('/me carries the company name and the contact (null when HR set none)', async () => {
    const withContact = await signedInEmployee(context, { companyName: '株式会社 見本商事', campaign: { contact: CONTACT } })
    const me = (await context.app.inject({ method: 'GET', url: '/api/employee/me', headers: withContact.auth })).json()
    expect(me).toMatchObject({ companyName: '株式会社 見本商事', campaign: { contact: CONTACT } })
    const without = await signedInEmployee(context)
    expect((await context.app.inject({ method: 'GET', url: '/api/employee/me', headers: without.auth })).json().campaign.contact).toBeNull()
  })

  it('after 完了 the list is a receipt: each person with the document types registered, or 対象外', async () => {
    const employee = await submittedEmployee(context)
    const { persons, submittedAt } = (await employee.call('GET', '/persons')).json()
    expect(submittedAt).not.toBeNull()
    expect(persons.map((person: { status: string; documentTypes: string[] }) => [person.status, person.documentTypes])).toEqual([
      ['registered', ['my_number_card']],
      ['registered', ['my_number_card']],
      ['not_applicable', []],
    ])
  })
})
