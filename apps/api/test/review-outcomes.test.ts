/**
 * What HR's decisions leave behind: the employee's detail in the console shows 差し戻し and
 * 承認済 per person (not 提出済), and a disposed person (廃棄) can no longer be approved,
 * sent back or numbered — the tombstone answers 409 PERSON_DISPOSED.
 */
import { afterAll, beforeAll, expect, it } from 'vitest'
import { type TestContext, createTestContext, signedInOperator } from './harness.ts'
import { numberUrl, submittedEmployee, validNumber } from './number-helpers.ts'

let context: TestContext
beforeAll(async () => {
  context = await createTestContext()
}, 60_000)
afterAll(async () => {
  await context.close()
})

async function submittedHousehold() {
  const employee = await submittedEmployee(context)
  const admin = await signedInOperator(context, { role: 'administrator', companyId: employee.company.id })
  const base = `/api/admin/campaigns/${employee.campaign.id}/employees/${employee.employee.id}`
  const call = (method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
    context.app.inject({ method, url, headers: admin.headers, ...(payload ? { payload } : {}) })
  return { employee, base, call }
}

it('shows 差し戻し and 承認済 per person on the employee detail', async () => {
  const { employee, base, call } = await submittedHousehold()
  const [child, other] = employee.dependents
  const statuses = async () => {
    const detail = await call('GET', base)
    expect(detail.statusCode, detail.body).toBe(200)
    return Object.fromEntries((detail.json() as { persons: { id: string; status: string }[] }).persons.map((p) => [p.id, p.status]))
  }
  expect(await statuses()).toEqual({ [employee.employee.id]: 'submitted', [child!.id]: 'submitted', [other!.id]: 'not_applicable' })

  expect((await call('POST', `${base}/persons/${child!.id}/return`, { reason: 'blurry' })).statusCode).toBe(200)
  expect((await call('POST', `${base}/persons/${employee.employee.id}/approve`)).statusCode).toBe(200)
  expect(await statuses()).toEqual({ [employee.employee.id]: 'approved', [child!.id]: 'returned', [other!.id]: 'not_applicable' })
})

it('refuses to approve, send back or number a disposed person (409 PERSON_DISPOSED)', async () => {
  const { employee, base, call } = await submittedHousehold()
  const child = employee.dependents[0]!
  const disposed = await call('POST', `${base}/persons/${child.id}/dispose`, { reason: '扶養から外れたため' })
  expect(disposed.statusCode, disposed.body).toBe(200)

  const refusals = [
    await call('POST', `${base}/persons/${child.id}/approve`),
    await call('POST', `${base}/persons/${child.id}/return`, { reason: 'blurry' }),
    await call('PUT', numberUrl(employee, child.id, '/entries'), { number: validNumber() }),
    await call('POST', numberUrl(employee, child.id, '/ocr')),
  ]
  for (const response of refusals) {
    expect(response.statusCode, response.body).toBe(409)
    expect(response.json().error.code).toBe('PERSON_DISPOSED')
  }
  const row = await context.db.person.findUniqueOrThrow({ where: { id: child.id } })
  expect([row.reviewStatus, row.myNumber]).toEqual(['PENDING', null])
  expect(await context.db.numberEntry.count({ where: { personId: child.id } })).toBe(0)
  // The rest of the household is still HR's to decide.
  expect((await call('POST', `${base}/persons/${employee.employee.id}/approve`)).statusCode).toBe(200)
})
