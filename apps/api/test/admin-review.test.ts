/**
 * HR's review of a 完了 submission: the submission view, watermarked images (every view
 * audited), 承認 and 差し戻し — which reopens exactly the returned persons, whose next 完了
 * replaces only their documents.
 */
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { documentAad } from '../src/domain/drafts.ts'
import { decryptBlob } from '../src/lib/envelope.ts'
import { blobExists as storeHas } from './blob-stores.ts'
import { type TestContext, createTestContext, imageUpload, login, signedInEmployee, signedInOperator } from './harness.ts'
import { cardPhoto } from './images.ts'

let context: TestContext
let photo: Buffer
beforeAll(async () => {
  context = await createTestContext()
  photo = await cardPhoto()
}, 60_000)
afterAll(async () => {
  await context.close()
})

type Employee = Awaited<ReturnType<typeof signedInEmployee>>
type Operator = Awaited<ReturnType<typeof signedInOperator>>

const employeeCall = (employee: Employee, method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: object) =>
  context.app.inject({ method, url: `/api/employee${url}`, headers: employee.auth, ...(payload ? { payload } : {}) })

async function upload(employee: Employee, personId: string, side: 'front' | 'back') {
  const body = imageUpload({ role: 'number', slot: 0, side, type: 'my_number_card' }, photo)
  return context.app.inject({
    method: 'POST',
    url: `/api/employee/persons/${personId}/images`,
    headers: { ...employee.auth, ...body.headers },
    payload: body.payload,
  })
}

async function registerCard(employee: Employee, personId: string) {
  for (const side of ['front', 'back'] as const) expect((await upload(employee, personId, side)).statusCode).toBe(201)
  const response = await employeeCall(employee, 'POST', `/persons/${personId}/registration`, {
    numberDocument: { type: 'my_number_card', hasBack: true },
    identity: null,
  })
  expect(response.statusCode, response.body).toBe(200)
}

/** An employee and both dependents registered with a マイナンバーカード, 完了 pressed; an operator of their company. */
async function submittedEmployee() {
  const employee = await signedInEmployee(context)
  for (const person of [employee.employee, ...employee.dependents]) await registerCard(employee, person.id)
  expect((await employeeCall(employee, 'POST', '/submission')).statusCode).toBe(200)
  const operator = await signedInOperator(context, { role: 'operator', companyId: employee.company.id })
  const base = `/api/admin/campaigns/${employee.campaign.id}/employees/${employee.employee.id}`
  return { employee, operator, base }
}

const adminCall = (operator: Operator, method: 'GET' | 'POST', url: string, payload?: object) =>
  context.app.inject({ method, url, headers: operator.headers, ...(payload ? { payload } : {}) })

const blobExists = (key: string) => storeHas(context.blobs, key)

async function progressOf(employeeId: string) {
  return (await context.db.person.findUniqueOrThrow({ where: { id: employeeId } })).progress
}

describe('the submission view', () => {
  it('lists each person with their choices, submitted images and review state; 404 before 完了', async () => {
    const drafting = await signedInEmployee(context)
    const operator = await signedInOperator(context, { role: 'operator', companyId: drafting.company.id })
    await registerCard(drafting, drafting.employee.id)
    const notYet = await adminCall(operator, 'GET', `/api/admin/campaigns/${drafting.campaign.id}/employees/${drafting.employee.id}/submission`)
    expect(notYet.statusCode).toBe(404)

    const { employee, operator: reviewer, base } = await submittedEmployee()
    const response = await adminCall(reviewer, 'GET', `${base}/submission`)
    expect(response.statusCode, response.body).toBe(200)
    const body = response.json()
    expect(body.persons.map((p: { id: string }) => p.id)).toEqual([employee.employee.id, ...employee.dependents.map((d) => d.id)])
    for (const person of body.persons) {
      expect(person.registration).toEqual({ numberDocument: { type: 'my_number_card', hasBack: true }, identity: null })
      expect(person.images.map((i: { side: string; type: string }) => [i.side, i.type])).toEqual([
        ['front', 'my_number_card'],
        ['back', 'my_number_card'],
      ])
      expect(person.review).toEqual({ status: 'pending', reason: null, note: null, reviewedAt: null })
    }
  })

  it('is NOT_FOUND, with its images and actions, for an operator of another company', async () => {
    const { employee, base } = await submittedEmployee()
    const stranger = await signedInOperator(context, { role: 'administrator' })
    const document = await context.db.document.findFirstOrThrow({ where: { personId: employee.employee.id, state: 'SUBMITTED' } })
    const personId = employee.dependents[0]!.id
    const attempts = [
      await adminCall(stranger, 'GET', `${base}/submission`),
      await adminCall(stranger, 'GET', `/api/admin/campaigns/${employee.campaign.id}/documents/${document.id}/image`),
      await adminCall(stranger, 'POST', `${base}/persons/${personId}/approve`),
      await adminCall(stranger, 'POST', `${base}/persons/${personId}/return`, { reason: 'blurry' }),
    ]
    expect(attempts.map((r) => r.statusCode)).toEqual([404, 404, 404, 404])
    expect(
      await context.db.auditEvent.count({
        where: { actorId: stranger.operator.id, action: { in: ['document.viewed', 'person.approved', 'person.returned'] } },
      }),
    ).toBe(0)
    expect((await context.db.person.findUniqueOrThrow({ where: { id: personId } })).reviewStatus).toBe('PENDING')
  })
})

describe('viewing an image', () => {
  it('serves the pixels with a watermark burnt in, never cached, and audits every view', async () => {
    const { employee, operator } = await submittedEmployee()
    const document = await context.db.document.findFirstOrThrow({ where: { personId: employee.employee.id, state: 'SUBMITTED', side: 'FRONT' } })
    const url = `/api/admin/campaigns/${employee.campaign.id}/documents/${document.id}/image`
    const first = await adminCall(operator, 'GET', url)
    expect(first.statusCode, first.body).toBe(200)
    expect(first.headers['content-type']).toBe('image/jpeg')
    expect(first.headers['cache-control']).toContain('no-store')

    const stored = decryptBlob(context.secrets.keyring, await context.blobs.get(document.blobKey), documentAad(document))
    const served = await sharp(first.rawPayload).raw().toBuffer({ resolveWithObject: true })
    const original = await sharp(stored).raw().toBuffer({ resolveWithObject: true })
    expect([served.info.width, served.info.height]).toEqual([document.width, document.height])
    // The watermark crosses the image's centre band; a plain re-encode differs there by a few levels only.
    const reencoded = await sharp(await sharp(stored).jpeg({ quality: 85 }).toBuffer())
      .raw()
      .toBuffer()
    const band = (pixels: Buffer) => pixels.subarray(Math.floor(pixels.length * 0.4), Math.floor(pixels.length * 0.6))
    const meanDiff = (a: Buffer, b: Buffer) => a.reduce((sum, value, i) => sum + Math.abs(value - b[i]!), 0) / a.length
    const watermarkDiff = meanDiff(band(served.data), band(original.data))
    expect(watermarkDiff).toBeGreaterThan(5 * Math.max(1, meanDiff(band(reencoded), band(original.data))))
    expect(watermarkDiff).toBeGreaterThan(4)

    expect((await adminCall(operator, 'GET', url)).statusCode).toBe(200)
    const views = await context.db.auditEvent.findMany({ where: { action: 'document.viewed', targetId: document.id } })
    expect(views).toHaveLength(2)
    expect(
      views.every(
        (view) =>
          view.actorId === operator.operator.id &&
          view.companyId === employee.company.id &&
          JSON.stringify(view.detail) === JSON.stringify({ role: 'number', side: 'front', slot: 0, type: 'my_number_card', personId: employee.employee.id }),
      ),
    ).toBe(true)
  })

  it('serves only documents of that campaign', async () => {
    const { employee, operator } = await submittedEmployee()
    const submitted = await context.db.document.findFirstOrThrow({ where: { personId: employee.employee.id } })
    const other = await submittedEmployee()
    const statuses = [
      (await adminCall(other.operator, 'GET', `/api/admin/campaigns/${other.employee.campaign.id}/documents/${submitted.id}/image`)).statusCode,
      (await adminCall(operator, 'GET', `/api/admin/campaigns/${employee.campaign.id}/documents/00000000-0000-4000-8000-000000000000/image`)).statusCode,
      (await adminCall(operator, 'GET', `/api/admin/campaigns/${employee.campaign.id}/documents/not-a-uuid/image`)).statusCode,
    ]
    expect(statuses).toEqual([404, 404, 400])
  })
})

describe('承認 and 差し戻し', () => {
  it('差し戻し reopens exactly the returned person; 完了 again replaces only their documents; approval is 受理', async () => {
    const { employee, operator, base } = await submittedEmployee()
    const [returned, kept] = employee.dependents as [Employee['dependents'][number], Employee['dependents'][number]]
    const before = await context.db.document.findMany({
      where: { state: 'SUBMITTED', person: { OR: [{ id: employee.employee.id }, { employeeId: employee.employee.id }] } },
      orderBy: { id: 'asc' },
    })
    const returnedBefore = before.filter((d) => d.personId === returned.id)
    const othersBefore = before.filter((d) => d.personId !== returned.id)

    const approve = await adminCall(operator, 'POST', `${base}/persons/${employee.employee.id}/approve`)
    expect(approve.statusCode, approve.body).toBe(200)
    expect(approve.json()).toMatchObject({ status: 'approved', reason: null })
    const sendBack = await adminCall(operator, 'POST', `${base}/persons/${returned.id}/return`, { reason: 'other', note: '裏面が写っていません' })
    expect(sendBack.statusCode, sendBack.body).toBe(200)
    expect(sendBack.json()).toMatchObject({ status: 'returned', reason: 'other', note: '裏面が写っていません' })
    expect(await progressOf(employee.employee.id)).toBe('RETURNED')
    const events = await context.db.auditEvent.findMany({
      where: { actorId: operator.operator.id, action: { in: ['person.approved', 'person.returned'] } },
      orderBy: { id: 'asc' },
    })
    expect(events.map((e) => [e.action, e.targetId, e.detail])).toEqual([
      ['person.approved', employee.employee.id, null],
      ['person.returned', returned.id, { reason: 'other' }],
    ])

    // The session that pressed 完了 may only read the receipt: the list, but no change.
    expect((await employeeCall(employee, 'GET', '/persons')).json()).toMatchObject({ reopened: true })
    expect((await upload(employee, returned.id, 'front')).json().error.code).toBe('SESSION_RECEIPT_ONLY')
    // The employee signs in again: a new session, open for the returned person.
    const fresh = { ...employee, auth: { authorization: `Bearer ${await login(context.app, employee.token, employee.password)}` } }

    // The employee sees the reason, with the returned person back to 未登録 and the list reopened.
    const list = (await employeeCall(fresh, 'GET', '/persons')).json()
    expect(list).toMatchObject({ reopened: true, canSubmit: false })
    expect(
      list.persons.map((p: { id: string; status: string; review: { status: string; reason: string | null } }) => [
        p.id,
        p.status,
        p.review.status,
        p.review.reason,
      ]),
    ).toEqual([
      [employee.employee.id, 'registered', 'approved', null],
      [returned.id, 'pending', 'returned', 'other'],
      [kept.id, 'registered', 'pending', null],
    ])
    // Only the returned person can change: not the approved employee, not the pending dependent, no new dependent.
    expect((await upload(fresh, employee.employee.id, 'front')).json().error.code).toBe('ALREADY_SUBMITTED')
    expect((await employeeCall(fresh, 'DELETE', `/persons/${employee.employee.id}/registration`)).statusCode).toBe(409)
    expect((await employeeCall(fresh, 'DELETE', `/persons/${kept.id}/registration`)).statusCode).toBe(409)
    expect((await employeeCall(fresh, 'PUT', `/persons/${kept.id}/applicability`, { applicable: false })).statusCode).toBe(409)
    expect(
      (await employeeCall(fresh, 'POST', '/persons', { name: '総合 次郎', kana: 'ソウゴウ ジロウ', relationship: '02', birthDate: '2020-05-05' })).statusCode,
    ).toBe(409)
    expect((await employeeCall(fresh, 'POST', '/submission')).statusCode).toBe(409)

    // A draft of the returned person is not HR's to see.
    expect((await upload(fresh, returned.id, 'front')).statusCode).toBe(201)
    const draft = await context.db.document.findFirstOrThrow({ where: { personId: returned.id, state: 'DRAFT' } })
    expect((await adminCall(operator, 'GET', `/api/admin/campaigns/${employee.campaign.id}/documents/${draft.id}/image`)).statusCode).toBe(404)
    // Approving a person sent back waits for the employee.
    expect((await adminCall(operator, 'POST', `${base}/persons/${returned.id}/approve`)).statusCode).toBe(409)

    await registerCard(fresh, returned.id)
    const again = await employeeCall(fresh, 'POST', '/submission')
    expect(again.statusCode, again.body).toBe(200)
    const after = await context.db.document.findMany({
      where: { state: 'SUBMITTED', person: { OR: [{ id: employee.employee.id }, { employeeId: employee.employee.id }] } },
      orderBy: { id: 'asc' },
    })
    expect(after.filter((d) => d.personId !== returned.id)).toEqual(othersBefore)
    const returnedAfter = after.filter((d) => d.personId === returned.id)
    expect(returnedAfter).toHaveLength(2)
    expect(returnedAfter.map((d) => d.id).some((id) => returnedBefore.some((old) => old.id === id))).toBe(false)
    for (const old of returnedBefore) expect(await blobExists(old.blobKey)).toBe(false)
    for (const document of [...othersBefore, ...returnedAfter]) expect(await blobExists(document.blobKey)).toBe(true)
    expect(await progressOf(employee.employee.id)).toBe('SUBMITTED')
    const review = (await adminCall(operator, 'GET', `${base}/submission`)).json()
    expect(review.persons.map((p: { review: { status: string } }) => p.review.status)).toEqual(['approved', 'pending', 'pending'])
    // A second tap changes nothing: this session, too, is receipt-only now.
    expect((await employeeCall(fresh, 'POST', '/submission')).json().error.code).toBe('SESSION_RECEIPT_ONLY')
    expect(await context.db.document.count({ where: { personId: returned.id } })).toBe(2)

    expect((await employeeCall(fresh, 'GET', '/me')).json().acceptedAt).toBeNull()
    for (const person of [returned, kept]) expect((await adminCall(operator, 'POST', `${base}/persons/${person.id}/approve`)).statusCode).toBe(200)
    expect(await progressOf(employee.employee.id)).toBe('APPROVED')
    expect((await employeeCall(fresh, 'GET', '/me')).json().acceptedAt).toEqual(expect.any(String))
    const dashboard = (await adminCall(operator, 'GET', `/api/admin/campaigns/${employee.campaign.id}/dashboard`)).json()
    expect(dashboard.counts).toMatchObject({ approved: 1, returned: 0, submitted: 0 })
    // Approved: the employee can change nothing any more, even signed in anew.
    const later = { ...employee, auth: { authorization: `Bearer ${await login(context.app, employee.token, employee.password)}` } }
    expect((await upload(later, returned.id, 'front')).json().error.code).toBe('SESSION_RECEIPT_ONLY')
    expect((await employeeCall(later, 'GET', '/me')).json().acceptedAt).toEqual(expect.any(String))
  })

  it('refuses bad decisions with a 4xx and changes nothing', async () => {
    const { employee, operator, base } = await submittedEmployee()
    const personId = employee.dependents[0]!.id
    const other = await submittedEmployee()
    const bodies = [
      { reason: 'nope' },
      { reason: 'other' },
      { reason: 'other', note: '   ' },
      { reason: 'blurry', note: 'x'.repeat(201) },
      { reason: 'blurry', note: '見えません\u0000' },
      { reason: 'blurry', note: 42 },
      {},
    ]
    for (const body of bodies)
      expect((await adminCall(operator, 'POST', `${base}/persons/${personId}/return`, body)).statusCode, JSON.stringify(body)).toBe(400)
    expect((await adminCall(operator, 'POST', `${base}/persons/${other.employee.employee.id}/approve`)).statusCode).toBe(404)
    expect((await adminCall(operator, 'POST', `${base}/persons/not-a-uuid/approve`)).statusCode).toBe(400)
    expect((await context.db.person.findUniqueOrThrow({ where: { id: personId } })).reviewStatus).toBe('PENDING')
    expect(await context.db.auditEvent.count({ where: { actorId: operator.operator.id } })).toBe(0)

    expect((await adminCall(operator, 'POST', `${base}/persons/${personId}/return`, { reason: 'blurry' })).statusCode).toBe(200)
    expect((await adminCall(operator, 'POST', `${base}/persons/${personId}/return`, { reason: 'blurry' })).statusCode).toBe(409)
  })
})
