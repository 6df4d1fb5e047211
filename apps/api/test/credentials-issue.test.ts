import { createHash } from 'node:crypto'
import { credentialBatchesResponseSchema, distributeCredentialsResponseSchema, issueCredentialsResponseSchema } from '@bango/shared/admin-credentials'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createCampaign, createEmployee } from './factories.ts'
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
async function issued(admin: { headers: Record<string, string> }, campaignId: string, payload: object = {}) {
  const response = await issue(admin, campaignId, payload)
  expect(response.statusCode).toBe(200)
  return issueCredentialsResponseSchema.parse(response.json())
}
const batchAction = (admin: { headers: Record<string, string> }, campaignId: string, batchId: string, action: 'distributed' | 'cancel') =>
  context.app.inject({ method: 'POST', url: `/api/admin/campaigns/${campaignId}/credential-batches/${batchId}/${action}`, headers: admin.headers })
async function distribute(admin: { headers: Record<string, string> }, campaignId: string, batchId: string | null) {
  const response = await batchAction(admin, campaignId, batchId!, 'distributed')
  expect(response.statusCode).toBe(200)
  return distributeCredentialsResponseSchema.parse(response.json())
}
async function openBatches(admin: { headers: Record<string, string> }, campaignId: string) {
  const response = await context.app.inject({ method: 'GET', url: `/api/admin/campaigns/${campaignId}/credential-batches`, headers: admin.headers })
  expect(response.statusCode).toBe(200)
  return credentialBatchesResponseSchema.parse(response.json())
}

const tokenOf = (url: string) => url.slice(`${PUBLIC_URL}/t/`.length)
const me = (jwt: string) => context.app.inject({ method: 'GET', url: '/api/employee/me', headers: { authorization: `Bearer ${jwt}` } })
const loginStatus = async (token: string, password: string) =>
  (await context.app.inject({ method: 'POST', url: '/api/employee/login', payload: { token, password } })).statusCode

describe('issuing credentials from the console', () => {
  it('issues to every employee without a credential, live only once HR says the batch was handed out', async () => {
    const { admin, campaign, employees } = await campaignWithEmployees(3)
    const already = await context.app.services.credentials.issue(employees[0]!.id)

    const body = await issued(admin, campaign.id)
    expect(body.campaignName).toBe(campaign.name)
    expect(body.credentials.map((c) => [c.employeeNumber, c.reissue])).toEqual([
      ['E002', false],
      ['E003', false],
    ])
    // Not live: the passwords exist only in this answer, and nobody has handed them out yet.
    for (const credential of body.credentials) expect(await loginStatus(tokenOf(credential.url), credential.password)).toBe(401)
    expect(await openBatches(admin, campaign.id)).toEqual({
      unissued: 0,
      batches: [{ id: body.batchId, createdAt: body.issuedAt, expiresAt: body.expiresAt, issuedBy: admin.operator.name, count: 2 }],
    })
    // Those waiting in the batch are not issued to again.
    expect((await issued(admin, campaign.id)).credentials).toEqual([])

    expect(await distribute(admin, campaign.id, body.batchId)).toEqual({ live: 2, superseded: [] })
    for (const credential of body.credentials) {
      expect(credential.url).toMatch(new RegExp(`^${PUBLIC_URL}/t/[A-Za-z0-9_-]{43}$`))
      expect(credential.email).toMatch(/@example\.test$/)
      const stored = await context.db.credential.findUniqueOrThrow({ where: { employeeId: credential.employeeId } })
      expect(stored.tokenHash).toBe(createHash('sha256').update(tokenOf(credential.url)).digest('hex'))
      expect(stored.passwordHash).toMatch(/^\$argon2id\$/)
      expect(stored.passwordHash).not.toContain(credential.password)
      await login(context.app, tokenOf(credential.url), credential.password)
    }
    // The employee who had one keeps it.
    expect(await loginStatus(already.token, already.password)).toBe(200)
    expect(await context.db.pendingCredential.count({ where: { batchId: body.batchId! } })).toBe(0)
    expect((await openBatches(admin, campaign.id)).batches).toEqual([])
    const events = await context.db.auditEvent.findMany({ where: { targetId: campaign.id, action: { startsWith: 'credentials.' } }, orderBy: { at: 'asc' } })
    const ids = expect.arrayContaining([employees[1]!.id, employees[2]!.id])
    expect(events.map((e) => [e.action, e.detail])).toEqual([
      ['credentials.prepared', { batchId: body.batchId, count: 2, employeeIds: ids, reissuedIds: [] }],
      ['credentials.issued', { batchId: body.batchId, count: 2, employeeIds: ids }],
    ])
    // Distributed once: the batch is over.
    const again = await batchAction(admin, campaign.id, body.batchId!, 'distributed')
    expect([again.statusCode, again.json().error.code]).toEqual([409, 'CREDENTIAL_BATCH_ENDED'])
  })

  it('a batch nobody hands out never goes live: the tab closed, cancelled, or a week gone', async () => {
    const { admin, campaign } = await campaignWithEmployees(2)
    // The answer is lost (the tab closed while the server finished): the batch waits, listed.
    const lost = await issued(admin, campaign.id)
    expect((await openBatches(admin, campaign.id)).batches.map((b) => [b.id, b.count])).toEqual([[lost.batchId, 2]])
    expect((await batchAction(admin, campaign.id, lost.batchId!, 'cancel')).statusCode).toBe(204)
    for (const credential of lost.credentials) expect(await loginStatus(tokenOf(credential.url), credential.password)).toBe(401)
    expect(await openBatches(admin, campaign.id)).toEqual({ unissued: 2, batches: [] })
    expect(await context.db.credential.count({ where: { campaignId: campaign.id } })).toBe(0)

    // Before it is handed out, its link says so (not "wrong password"); closed, it cannot be handed out.
    const waiting = await issued(admin, campaign.id)
    const link = async (token: string) => context.app.inject({ method: 'POST', url: '/api/employee/link', payload: { token } })
    expect((await link(tokenOf(waiting.credentials[0]!.url))).json()).toMatchObject({ pending: true, closed: false, disposal: null })
    await context.db.campaign.update({ where: { id: campaign.id }, data: { status: 'CLOSED', closedAt: new Date() } })
    const whileClosed = await batchAction(admin, campaign.id, waiting.batchId!, 'distributed')
    expect([whileClosed.statusCode, whileClosed.json().error.code]).toEqual([409, 'CAMPAIGN_CLOSED'])
    for (const credential of waiting.credentials) expect(await loginStatus(tokenOf(credential.url), credential.password)).toBe(401)
    await context.db.campaign.update({ where: { id: campaign.id }, data: { status: 'OPEN', closedAt: null } })
    expect((await batchAction(admin, campaign.id, waiting.batchId!, 'cancel')).statusCode).toBe(204)
    expect((await link(tokenOf(waiting.credentials[0]!.url))).statusCode).toBe(404)

    const forgotten = await issued(admin, campaign.id)
    await context.db.credentialBatch.update({ where: { id: forgotten.batchId! }, data: { expiresAt: new Date(Date.now() - 1000) } })
    // Past its week it is no longer open, even before the sweeper's pass ends it.
    expect(await openBatches(admin, campaign.id)).toEqual({ unissued: 2, batches: [] })
    const late = await batchAction(admin, campaign.id, forgotten.batchId!, 'distributed')
    expect([late.statusCode, late.json().error.code]).toEqual([409, 'CREDENTIAL_BATCH_ENDED'])
    expect(await context.app.services.credentialIssuing.expire()).toBeGreaterThanOrEqual(1)
    expect(await context.db.credentialBatch.findUniqueOrThrow({ where: { id: forgotten.batchId! } })).toMatchObject({ outcome: 'EXPIRED' })
    expect(await context.db.pendingCredential.count({ where: { batchId: forgotten.batchId! } })).toBe(0)
    for (const credential of forgotten.credentials) expect(await loginStatus(tokenOf(credential.url), credential.password)).toBe(401)

    const events = await context.db.auditEvent.findMany({
      where: { targetId: campaign.id, action: { startsWith: 'credentials.batch' } },
      orderBy: { at: 'asc' },
    })
    expect(events.map((e) => [e.action, e.actorType, e.detail])).toEqual([
      ['credentials.batch_cancelled', 'operator', { batchId: lost.batchId, count: 2 }],
      ['credentials.batch_cancelled', 'operator', { batchId: waiting.batchId, count: 2 }],
      ['credentials.batch_expired', 'system', { batchId: forgotten.batchId, count: 2 }],
    ])
  })

  it('a re-issue leaves the old login working until the new one is handed out, then ends it and its sessions', async () => {
    const { admin, campaign, employees } = await campaignWithEmployees(2)
    const first = await issued(admin, campaign.id)
    await distribute(admin, campaign.id, first.batchId)
    const [a, b] = first.credentials
    const oldJwt = await login(context.app, tokenOf(a!.url), a!.password)
    const issuedBefore = (await context.db.credential.findUniqueOrThrow({ where: { employeeId: a!.employeeId } })).issuedAt

    const second = await issued(admin, campaign.id, { employeeIds: [a!.employeeId] })
    const [renewed] = second.credentials
    expect([renewed!.employeeId, renewed!.reissue]).toEqual([a!.employeeId, true])
    expect(renewed!.url).not.toBe(a!.url)
    // The printed kit in the employee's hands still works; the new one does not yet.
    expect((await me(oldJwt)).statusCode).toBe(200)
    expect(await loginStatus(tokenOf(renewed!.url), renewed!.password)).toBe(401)

    await distribute(admin, campaign.id, second.batchId)
    expect((await me(oldJwt)).statusCode).toBe(401)
    expect(await loginStatus(tokenOf(a!.url), a!.password)).toBe(401)
    expect((await me(await login(context.app, tokenOf(renewed!.url), renewed!.password))).statusCode).toBe(200)
    expect(await loginStatus(tokenOf(b!.url), b!.password)).toBe(200)
    const issuedAfter = (await context.db.credential.findUniqueOrThrow({ where: { employeeId: a!.employeeId } })).issuedAt
    expect(issuedAfter.getTime()).toBeGreaterThan(issuedBefore.getTime())
    const reissued = await context.db.auditEvent.findFirstOrThrow({ where: { targetId: campaign.id, action: 'credentials.reissued' } })
    expect(reissued.detail).toEqual({ batchId: second.batchId, count: 1, employeeIds: [employees[0]!.id] })
  })

  it('never lets an older batch kill a newer login: a login issued since (an e-mail) stays, and a later batch replaces an earlier one', async () => {
    const { admin, campaign, employees } = await campaignWithEmployees(3)
    const older = await issued(admin, campaign.id)
    const mailed = await context.app.services.credentials.issue(employees[0]!.id)
    const later = await issued(admin, campaign.id, { employeeIds: [employees[1]!.id] })
    // employees[1] left the older batch for the later one.
    expect(await context.db.pendingCredential.count({ where: { batchId: older.batchId! } })).toBe(2)

    expect(await distribute(admin, campaign.id, older.batchId)).toEqual({ live: 1, superseded: [employees[0]!.id] })
    expect(await loginStatus(mailed.token, mailed.password)).toBe(200)
    const third = older.credentials.find((c) => c.employeeId === employees[2]!.id)!
    expect(await loginStatus(tokenOf(third.url), third.password)).toBe(200)
    const second = older.credentials.find((c) => c.employeeId === employees[1]!.id)!
    expect(await loginStatus(tokenOf(second.url), second.password)).toBe(401)
    await distribute(admin, campaign.id, later.batchId)
    expect(await loginStatus(tokenOf(later.credentials[0]!.url), later.credentials[0]!.password)).toBe(200)
  })

  it('keeps each batch to its campaign and company', async () => {
    const { admin, campaign } = await campaignWithEmployees(1)
    const other = await campaignWithEmployees(1)
    const batch = await issued(admin, campaign.id)
    expect((await batchAction(other.admin, other.campaign.id, batch.batchId!, 'distributed')).statusCode).toBe(404)
    expect((await batchAction(other.admin, campaign.id, batch.batchId!, 'cancel')).statusCode).toBe(404)
    const sameCompany = await createCampaign(context.db, admin.companyId)
    expect((await batchAction(admin, sameCompany.id, batch.batchId!, 'distributed')).statusCode).toBe(404)
    expect((await openBatches(admin, campaign.id)).batches).toHaveLength(1)
  })

  it('issues nothing when one id is not an employee of the campaign', async () => {
    const { admin, campaign, employees } = await campaignWithEmployees(1)
    const batch = await issued(admin, campaign.id)
    await distribute(admin, campaign.id, batch.batchId)
    const first = batch.credentials[0]!
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
