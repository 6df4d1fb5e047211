/**
 * The review queue: households whose 完了 submission still has persons to approve or numbers to
 * record, oldest first; and 「世帯をまとめて承認」, which approves every registered person still to
 * review in one step (one audit event each) and leaves returned and 対象外 persons as they are.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createEmployee } from './factories.ts'
import { type TestContext, createTestContext, login, signedInEmployee, signedInOperator, uploadImage } from './harness.ts'
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

const call = (headers: Record<string, string>, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
  context.app.inject({ method, url, headers, ...(payload ? { payload } : {}) })

/** Registers every person of the household with a マイナンバーカード (the last dependent 対象外 when asked) and presses 完了. */
async function complete(auth: Record<string, string>, persons: { id: string }[], notApplicable?: string) {
  for (const person of persons) {
    if (person.id === notApplicable) {
      const response = await call(auth, 'PUT', `/api/employee/persons/${person.id}/applicability`, { applicable: false })
      expect(response.statusCode, response.body).toBe(200)
      continue
    }
    for (const side of ['front', 'back'] as const) await uploadImage(context, auth, person.id, { role: 'number', slot: 0, side, type: 'my_number_card' }, photo)
    const registered = await call(auth, 'POST', `/api/employee/persons/${person.id}/registration`, {
      numberDocument: { type: 'my_number_card', hasBack: true },
      identity: null,
    })
    expect(registered.statusCode, registered.body).toBe(200)
  }
  expect((await call(auth, 'POST', '/api/employee/submission')).statusCode).toBe(200)
}

describe('the review queue', () => {
  it('lists households with work left, oldest 完了 first, and approves a household in one step', async () => {
    const first = await signedInEmployee(context)
    const hr = await signedInOperator(context, { role: 'operator', companyId: first.company.id })
    const campaign = `/api/admin/campaigns/${first.campaign.id}`
    // A second household of the same campaign, and a third that never pressed 完了.
    const second = await createEmployee(context.db, first.campaign.id, { name: '審査 二郎' })
    const secondAuth = { authorization: `Bearer ${await login(context.app, ...(await issue(second.employee.id)))}` }
    await call(secondAuth, 'POST', '/api/employee/consent', { purposes: first.campaign.purposes })
    await createEmployee(context.db, first.campaign.id, { name: '未提出 三郎' })

    await complete(first.auth, [first.employee, ...first.dependents], first.dependents[1]!.id)
    await complete(secondAuth, [second.employee, ...second.dependents])

    const queue = await call(hr.headers, 'GET', `${campaign}/review-queue`)
    expect(queue.statusCode, queue.body).toBe(200)
    expect(queue.json().households).toEqual([
      expect.objectContaining({ employeeId: first.employee.id, toReview: 2, toRecord: 2 }),
      expect.objectContaining({ employeeId: second.employee.id, name: '審査 二郎', toReview: 3, toRecord: 3 }),
    ])

    // One person sent back first: the household approval leaves them, and the 対象外 dependent, as they are.
    const returned = await call(hr.headers, 'POST', `${campaign}/employees/${first.employee.id}/persons/${first.dependents[0]!.id}/return`, {
      reason: 'blurry',
    })
    expect(returned.statusCode, returned.body).toBe(200)
    const approved = await call(hr.headers, 'POST', `${campaign}/employees/${first.employee.id}/approve`)
    expect(approved.statusCode, approved.body).toBe(200)
    expect(approved.json()).toEqual({ approved: 1 })
    const persons = await context.db.person.findMany({ where: { OR: [{ id: first.employee.id }, { employeeId: first.employee.id }] } })
    expect(Object.fromEntries(persons.map((person) => [person.id, person.reviewStatus]))).toEqual({
      [first.employee.id]: 'APPROVED',
      [first.dependents[0]!.id]: 'RETURNED',
      [first.dependents[1]!.id]: 'PENDING',
    })
    const events = await context.db.auditEvent.findMany({ where: { action: 'person.approved', targetId: { in: persons.map((p) => p.id) } } })
    expect(events.map((event) => event.targetId)).toEqual([first.employee.id])
    // Again: nothing left to approve.
    expect((await call(hr.headers, 'POST', `${campaign}/employees/${first.employee.id}/approve`)).json()).toEqual({ approved: 0 })

    // The first household's work now: its employee's number (the returned dependent waits for the employee, not HR).
    expect((await call(hr.headers, 'GET', `${campaign}/review-queue`)).json().households).toEqual([
      expect.objectContaining({ employeeId: first.employee.id, toReview: 0, toRecord: 1 }),
      expect.objectContaining({ employeeId: second.employee.id, toReview: 3, toRecord: 3 }),
    ])
  }, 60_000)

  it('is refused for another company and before 完了', async () => {
    const employee = await signedInEmployee(context)
    const stranger = await signedInOperator(context, { role: 'operator' })
    const campaign = `/api/admin/campaigns/${employee.campaign.id}`
    expect((await call(stranger.headers, 'GET', `${campaign}/review-queue`)).statusCode).toBe(404)
    expect((await call(stranger.headers, 'POST', `${campaign}/employees/${employee.employee.id}/approve`)).statusCode).toBe(404)
    const hr = await signedInOperator(context, { role: 'operator', companyId: employee.company.id })
    expect((await call(hr.headers, 'POST', `${campaign}/employees/${employee.employee.id}/approve`)).statusCode).toBe(404)
    expect((await call(hr.headers, 'GET', `${campaign}/review-queue`)).json()).toEqual({ households: [] })
  })
})

async function issue(employeeId: string): Promise<[string, string]> {
  const { token, password } = await context.app.services.credentials.issue(employeeId)
  return [token, password]
}
