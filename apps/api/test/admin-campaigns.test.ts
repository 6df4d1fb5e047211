import { type CampaignRequest, DEFAULT_PURPOSES, campaignSchema, campaignsResponseSchema } from '@bango/shared/admin-api'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createEmployee } from './factories.ts'
import { blobExists } from './blob-stores.ts'
import { type TestContext, createTestContext, imageUpload, login, signedInEmployee, signedInOperator } from './harness.ts'
import { cardPhoto } from './images.ts'

let context: TestContext
let photo: Buffer
beforeAll(async () => {
  context = await createTestContext()
  photo = await cardPhoto()
}, 60_000)
afterAll(() => context.close())

type Method = 'GET' | 'POST' | 'PATCH'
const call = (headers: Record<string, string>, method: Method, url: string, payload?: object) =>
  context.app.inject({ method, url: `/api/admin${url}`, headers, ...(payload ? { payload } : {}) })

const request: CampaignRequest = {
  name: '2027年 マイナンバー収集',
  purposes: [...DEFAULT_PURPOSES],
  purposeTranslations: {},
  deadline: '2027-01-31',
  draftLifetimeHours: 48,
  retentionMonths: 96,
  employeeEntersNumber: true,
  identityByEmployment: false,
  contact: '人事部 マイナンバー係 内線 1234',
}

describe('campaigns', () => {
  it('an operator (any role) creates, lists, reads and renames campaigns of their company', async () => {
    const hr = await signedInOperator(context, { role: 'operator' })
    const created = await call(hr.headers, 'POST', `/companies/${hr.companyId}/campaigns`, request)
    expect(created.statusCode, created.body).toBe(201)
    const campaign = campaignSchema.parse(created.json())
    expect(campaign).toMatchObject({ ...request, companyId: hr.companyId, status: 'open', closedAt: null })

    const list = campaignsResponseSchema.parse((await call(hr.headers, 'GET', `/companies/${hr.companyId}/campaigns`)).json())
    expect(list.campaigns.map((c) => c.id)).toEqual([campaign.id])
    expect((await call(hr.headers, 'GET', `/campaigns/${campaign.id}`)).json()).toEqual(campaign)

    const edited = await call(hr.headers, 'PATCH', `/campaigns/${campaign.id}`, { ...request, name: '改名', deadline: null })
    expect(edited.statusCode).toBe(200)
    expect(edited.json()).toMatchObject({ name: '改名', deadline: null, purposes: request.purposes })
    const actions = (await context.db.auditEvent.findMany({ where: { targetId: campaign.id }, orderBy: { id: 'asc' } })).map((e) => [e.action, e.detail])
    expect(actions).toEqual([
      ['campaign.created', null],
      ['campaign.updated', { changes: { name: { from: request.name, to: '改名' }, deadline: { from: request.deadline, to: null } } }],
    ])
  })

  it('changing the purposes makes the employee consent again', async () => {
    const employee = await signedInEmployee(context)
    // New purposes widen the use of the numbers: an administrator's change (settings-policy.test.ts).
    const hr = await signedInOperator(context, { role: 'administrator', companyId: employee.company.id })
    const purposes = ['源泉徴収票作成事務']
    const edited = await call(hr.headers, 'PATCH', `/campaigns/${employee.campaign.id}`, { ...request, purposes })
    expect(edited.statusCode).toBe(200)
    const me = await context.app.inject({ method: 'GET', url: '/api/employee/me', headers: employee.auth })
    expect(me.json()).toMatchObject({ consentedAt: null, campaign: { purposes } })
    expect(
      await context.db.auditEvent.count({
        where: { action: 'campaign.updated', targetId: employee.campaign.id, detail: { path: ['changes', 'purposes', 'to'], equals: purposes } },
      }),
    ).toBe(1)
  })

  it('refuses bad input with 400 and changes nothing', async () => {
    const hr = await signedInOperator(context)
    const before = await context.db.campaign.count()
    const bad: object[] = [
      {},
      { ...request, purposes: [] },
      { ...request, draftLifetimeHours: 0 },
      { ...request, deadline: '31/01/2027' },
      { ...request, name: '' },
    ]
    for (const payload of bad) expect((await call(hr.headers, 'POST', `/companies/${hr.companyId}/campaigns`, payload)).statusCode).toBe(400)
    expect(await context.db.campaign.count()).toBe(before)
  })

  it('another company’s operator gets 404 for every campaign route, and nothing changes', async () => {
    const employee = await signedInEmployee(context)
    const stranger = await signedInOperator(context, { role: 'administrator' })
    const { campaign, company } = employee
    const responses = await Promise.all([
      call(stranger.headers, 'GET', `/companies/${company.id}/campaigns`),
      call(stranger.headers, 'POST', `/companies/${company.id}/campaigns`, request),
      call(stranger.headers, 'GET', `/campaigns/${campaign.id}`),
      call(stranger.headers, 'PATCH', `/campaigns/${campaign.id}`, request),
      call(stranger.headers, 'POST', `/campaigns/${campaign.id}/close`),
    ])
    expect(responses.map((r) => r.statusCode)).toEqual([404, 404, 404, 404, 404])
    expect(await context.db.campaign.findUniqueOrThrow({ where: { id: campaign.id } })).toEqual(campaign)
    expect(await context.db.campaign.count({ where: { companyId: company.id } })).toBe(1)
  })

  it('closing purges every unfinished draft with its blobs, keeps submissions, and is final', async () => {
    const drafting = await signedInEmployee(context)
    const { campaign, company } = drafting
    const submitted = await colleagueOf(drafting)
    await registerAndSubmit(submitted)
    await upload(drafting, drafting.employee.id, 'front')
    await upload(drafting, drafting.dependents[0]!.id, 'front')
    const draftBlobs = (await context.db.document.findMany({ where: { state: 'DRAFT', person: { campaignId: campaign.id } } })).map((d) => d.blobKey)
    expect(draftBlobs).toHaveLength(2)
    const submittedDocuments = await context.db.document.findMany({
      where: { state: 'SUBMITTED', person: { campaignId: campaign.id } },
      orderBy: { id: 'asc' },
    })
    expect(submittedDocuments.length).toBeGreaterThan(0)

    const hr = await signedInOperator(context, { role: 'administrator', companyId: company.id })
    const closed = await call(hr.headers, 'POST', `/campaigns/${campaign.id}/close`)
    expect(closed.statusCode, closed.body).toBe(200)
    expect(closed.json()).toMatchObject({ status: 'closed', closedAt: expect.any(String) })

    expect(await context.db.document.count({ where: { state: 'DRAFT', person: { campaignId: campaign.id } } })).toBe(0)
    for (const key of draftBlobs) expect(await blobExists(context.blobs, key)).toBe(false)
    expect(await context.db.document.findMany({ where: { state: 'SUBMITTED', person: { campaignId: campaign.id } }, orderBy: { id: 'asc' } })).toEqual(
      submittedDocuments,
    )
    for (const document of submittedDocuments) expect(await blobExists(context.blobs, document.blobKey)).toBe(true)
    const event = await context.db.auditEvent.findFirstOrThrow({ where: { action: 'campaign.closed', targetId: campaign.id } })
    expect(event).toMatchObject({ companyId: company.id, actorId: hr.operator.id, detail: { draftPersonsPurged: 2, draftImagesPurged: 2, submissions: 1 } })

    // Final: no edit, no second close, and the employee side refuses new drafts.
    expect((await call(hr.headers, 'PATCH', `/campaigns/${campaign.id}`, request)).json().error.code).toBe('CAMPAIGN_CLOSED')
    expect((await call(hr.headers, 'POST', `/campaigns/${campaign.id}/close`)).json().error.code).toBe('CAMPAIGN_CLOSED')
    const refused = imageUpload({ role: 'number', slot: 0, side: 'front', type: 'my_number_card' }, photo)
    const upload2 = await context.app.inject({
      method: 'POST',
      url: `/api/employee/persons/${drafting.employee.id}/images`,
      headers: { ...drafting.auth, ...refused.headers },
      payload: refused.payload,
    })
    expect(upload2.json().error.code).toBe('CAMPAIGN_CLOSED')
    expect(await context.db.auditEvent.count({ where: { action: 'campaign.closed', targetId: campaign.id } })).toBe(1)
  })

  it('reopens a closed campaign with a new deadline, so employees can send again — an administrator, and never after disposal', async () => {
    const employee = await signedInEmployee(context)
    const { campaign, company } = employee
    const hr = await signedInOperator(context, { role: 'administrator', companyId: company.id })
    const staff = await signedInOperator(context, { role: 'operator', companyId: company.id })
    expect((await call(hr.headers, 'POST', `/campaigns/${campaign.id}/reopen`, { deadline: null })).json().error.code).toBe('CONFLICT')
    expect((await call(hr.headers, 'POST', `/campaigns/${campaign.id}/close`)).statusCode).toBe(200)

    expect((await call(staff.headers, 'POST', `/campaigns/${campaign.id}/reopen`, { deadline: null })).statusCode).toBe(403)
    const past = await call(hr.headers, 'POST', `/campaigns/${campaign.id}/reopen`, { deadline: '2020-01-31' })
    expect([past.statusCode, past.json().error.code]).toEqual([400, 'VALIDATION'])
    const reopened = await call(hr.headers, 'POST', `/campaigns/${campaign.id}/reopen`, { deadline: '2099-03-31' })
    expect(reopened.statusCode, reopened.body).toBe(200)
    expect(reopened.json()).toMatchObject({ status: 'open', closedAt: null, deadline: '2099-03-31' })
    expect(await context.db.auditEvent.findFirstOrThrow({ where: { action: 'campaign.reopened', targetId: campaign.id } })).toMatchObject({
      actorId: hr.operator.id,
      detail: { closedAt: expect.any(String), deadline: { from: null, to: '2099-03-31' } },
    })
    // The employee's session reaches the upload again (201).
    await upload(employee, employee.employee.id, 'front')

    expect((await call(hr.headers, 'POST', `/campaigns/${campaign.id}/close`)).statusCode).toBe(200)
    expect((await call(hr.headers, 'POST', `/campaigns/${campaign.id}/dispose`, { reason: '保存期間内の一括廃棄' })).statusCode).toBe(200)
    expect((await call(hr.headers, 'POST', `/campaigns/${campaign.id}/reopen`, { deadline: null })).json().error.code).toBe('CAMPAIGN_DISPOSED')
  })
})

type Employee = Pick<Awaited<ReturnType<typeof signedInEmployee>>, 'employee' | 'dependents' | 'auth'>

/** A second employee, signed in and consented, in the same campaign. */
async function colleagueOf(other: Awaited<ReturnType<typeof signedInEmployee>>): Promise<Employee> {
  const { employee, dependents } = await createEmployee(context.db, other.campaign.id)
  const { token, password } = await context.app.services.credentials.issue(employee.id)
  const auth = { authorization: `Bearer ${await login(context.app, token, password)}` }
  await context.app.inject({ method: 'POST', url: '/api/employee/consent', headers: auth, payload: { purposes: other.campaign.purposes } })
  return { employee, dependents, auth }
}

async function upload(employee: Employee, personId: string, side: 'front' | 'back') {
  const body = imageUpload({ role: 'number', slot: 0, side, type: 'my_number_card' }, photo)
  const response = await context.app.inject({
    method: 'POST',
    url: `/api/employee/persons/${personId}/images`,
    headers: { ...employee.auth, ...body.headers },
    payload: body.payload,
  })
  expect(response.statusCode, response.body).toBe(201)
}

async function registerAndSubmit(employee: Employee) {
  await upload(employee, employee.employee.id, 'front')
  await upload(employee, employee.employee.id, 'back')
  const employeeApi = (method: 'POST' | 'PUT', url: string, payload?: object) =>
    context.app.inject({ method, url: `/api/employee${url}`, headers: employee.auth, ...(payload ? { payload } : {}) })
  expect(
    (await employeeApi('POST', `/persons/${employee.employee.id}/registration`, { numberDocument: { type: 'my_number_card', hasBack: true }, identity: null }))
      .statusCode,
  ).toBe(200)
  for (const dependent of employee.dependents) await employeeApi('PUT', `/persons/${dependent.id}/applicability`, { applicable: false })
  const submission = await employeeApi('POST', '/submission')
  expect(submission.statusCode, submission.body).toBe(200)
}
