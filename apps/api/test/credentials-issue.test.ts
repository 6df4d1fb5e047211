import { createHash } from 'node:crypto'
import { issueCredentialsResponseSchema } from '@bango/shared/admin-credentials'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createCampaign, createEmployee } from '../src/db/factories.ts'
import { type TestContext, createTestContext, login, signedInOperator } from './harness.ts'

const PUBLIC_URL = 'http://bango.example.test:8080'

let context: TestContext
beforeAll(async () => {
  context = await createTestContext({ publicUrl: PUBLIC_URL })
}, 60_000)
afterAll(() => context.close())

/** A company with an operator and a campaign of `count` employees (no dependents), numbered E001…. */
async function campaignWithEmployees(count: number) {
  const admin = await signedInOperator(context, { role: 'operator' })
  const campaign = await createCampaign(context.db, admin.companyId)
  const employees = []
  for (let i = 1; i <= count; i++) {
    const { employee } = await createEmployee(context.db, campaign.id, { name: `社員 ${i}`, dependents: [] })
    employees.push(
      await context.db.person.update({ where: { id: employee.id }, data: { employeeNumber: `E${String(i).padStart(3, '0')}`, email: `e${i}@example.test` } }),
    )
  }
  return { admin, campaign, employees }
}

function issue(admin: { headers: Record<string, string> }, campaignId: string, payload: object = {}) {
  return context.app.inject({ method: 'POST', url: `/api/admin/campaigns/${campaignId}/credentials`, headers: admin.headers, payload })
}

const tokenOf = (url: string) => url.slice(`${PUBLIC_URL}/t/`.length)
const me = (jwt: string) => context.app.inject({ method: 'GET', url: '/api/employee/me', headers: { authorization: `Bearer ${jwt}` } })
const loginStatus = async (token: string, password: string) =>
  (await context.app.inject({ method: 'POST', url: '/api/employee/login', payload: { token, password } })).statusCode

describe('issuing credentials from the console', () => {
  it('issues to every employee without a credential; the password is only in the answer', async () => {
    const { admin, campaign, employees } = await campaignWithEmployees(3)
    const already = await context.app.services.credentials.issue(employees[0]!.id)

    const response = await issue(admin, campaign.id)
    expect(response.statusCode).toBe(200)
    const body = issueCredentialsResponseSchema.parse(response.json())
    expect(body.campaignName).toBe(campaign.name)
    expect(body.credentials.map((c) => c.employeeNumber)).toEqual(['E002', 'E003'])
    for (const issued of body.credentials) {
      expect(issued.url).toMatch(new RegExp(`^${PUBLIC_URL}/t/[A-Za-z0-9_-]{43}$`))
      expect(issued.email).toMatch(/@example\.test$/)
      const stored = await context.db.credential.findUniqueOrThrow({ where: { employeeId: issued.employeeId } })
      expect(stored.tokenHash).toBe(createHash('sha256').update(tokenOf(issued.url)).digest('hex'))
      expect(stored.passwordHash).toMatch(/^\$argon2id\$/)
      expect(stored.passwordHash).not.toContain(issued.password)
      await login(context.app, tokenOf(issued.url), issued.password)
    }
    // The employee who had one keeps it.
    expect(await loginStatus(already.token, already.password)).toBe(200)
    const events = await context.db.auditEvent.findMany({ where: { targetId: campaign.id, action: { startsWith: 'credentials.' } } })
    expect(events.map((e) => [e.action, e.detail])).toEqual([
      ['credentials.issued', { count: 2, employeeIds: expect.arrayContaining([employees[1]!.id, employees[2]!.id]) }],
    ])

    // A second call finds nobody left.
    expect((await issue(admin, campaign.id)).json().credentials).toEqual([])
  })

  it('re-issuing a selection ends the old token and every session opened with it', async () => {
    const { admin, campaign, employees } = await campaignWithEmployees(2)
    const first = issueCredentialsResponseSchema.parse((await issue(admin, campaign.id)).json())
    const [a, b] = first.credentials
    const oldJwt = await login(context.app, tokenOf(a!.url), a!.password)
    expect((await me(oldJwt)).statusCode).toBe(200)
    const issuedBefore = (await context.db.credential.findUniqueOrThrow({ where: { employeeId: a!.employeeId } })).issuedAt

    const response = await issue(admin, campaign.id, { employeeIds: [a!.employeeId] })
    expect(response.statusCode).toBe(200)
    const [renewed] = issueCredentialsResponseSchema.parse(response.json()).credentials
    expect(renewed!.employeeId).toBe(a!.employeeId)
    expect(renewed!.url).not.toBe(a!.url)

    expect((await me(oldJwt)).statusCode).toBe(401)
    expect(await loginStatus(tokenOf(a!.url), a!.password)).toBe(401)
    expect((await me(await login(context.app, tokenOf(renewed!.url), renewed!.password))).statusCode).toBe(200)
    expect(await loginStatus(tokenOf(b!.url), b!.password)).toBe(200)
    const issuedAfter = (await context.db.credential.findUniqueOrThrow({ where: { employeeId: a!.employeeId } })).issuedAt
    expect(issuedAfter.getTime()).toBeGreaterThan(issuedBefore.getTime())
    const reissued = await context.db.auditEvent.findFirstOrThrow({ where: { targetId: campaign.id, action: 'credentials.reissued' } })
    expect(reissued.detail).toEqual({ count: 1, employeeIds: [employees[0]!.id] })
  })

  it('issues nothing when one id is not an employee of the campaign', async () => {
    const { admin, campaign, employees } = await campaignWithEmployees(1)
    const first = issueCredentialsResponseSchema.parse((await issue(admin, campaign.id)).json()).credentials[0]!
    const elsewhere = await context.newEmployee()
    const dependent = elsewhere.dependents[0]!
    for (const stranger of [elsewhere.employee.id, dependent.id]) {
      const response = await issue(admin, campaign.id, { employeeIds: [employees[0]!.id, stranger] })
      expect(response.json().error.code).toBe('NOT_FOUND')
    }
    expect(await loginStatus(tokenOf(first.url), first.password)).toBe(200)
    expect(await loginStatus(elsewhere.token, elsewhere.password)).toBe(200)
  })

  it('refuses a closed campaign and hides the campaign from another company', async () => {
    const { admin, campaign } = await campaignWithEmployees(1)
    const stranger = await signedInOperator(context)
    expect((await issue(stranger, campaign.id)).statusCode).toBe(404)
    const exportByStranger = await context.app.inject({
      method: 'POST',
      url: `/api/admin/campaigns/${campaign.id}/credentials/exports`,
      headers: stranger.headers,
      payload: { format: 'postal_kit', employeeIds: [campaign.id] },
    })
    expect(exportByStranger.statusCode).toBe(404)
    await context.db.campaign.update({ where: { id: campaign.id }, data: { status: 'CLOSED', closedAt: new Date() } })
    const closed = await issue(admin, campaign.id)
    expect(closed.statusCode).toBe(409)
    expect(closed.json().error.code).toBe('CAMPAIGN_CLOSED')
    expect(await context.db.credential.count({ where: { campaignId: campaign.id } })).toBe(0)
  })

  it('records each file the SPA made from the answer', async () => {
    const { admin, campaign, employees } = await campaignWithEmployees(2)
    const ids = employees.map((e) => e.id)
    const url = `/api/admin/campaigns/${campaign.id}/credentials/exports`
    const response = await context.app.inject({ method: 'POST', url, headers: admin.headers, payload: { format: 'mail_merge_sjis', employeeIds: ids } })
    expect(response.statusCode).toBe(204)
    const event = await context.db.auditEvent.findFirstOrThrow({ where: { targetId: campaign.id, action: 'credentials.exported' } })
    expect(event).toMatchObject({ actorId: admin.operator.id, companyId: admin.companyId, detail: { format: 'mail_merge_sjis', count: 2, employeeIds: ids } })
    const unknown = await context.app.inject({ method: 'POST', url, headers: admin.headers, payload: { format: 'postal_kit', employeeIds: [campaign.id] } })
    expect(unknown.statusCode).toBe(404)
  })
})
