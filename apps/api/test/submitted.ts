/** An employee who went through the whole wizard and pressed 「完了」: the state disposal starts from. */
import { myNumberCheckDigit } from '@bango/shared/my-number'
import { randomInt } from 'node:crypto'
import { expect } from 'vitest'
import { type TestContext, imageUpload, signedInEmployee } from './harness.ts'
import { cardPhoto } from './images.ts'

let photo: Buffer | null = null

export function validNumber(): string {
  const first11 = Array.from({ length: 11 }, () => randomInt(10)).join('')
  return `${first11}${myNumberCheckDigit(first11)}`
}

/**
 * The employee (マイナンバーカード, both sides, and their typed number) and the first dependent
 * (マイナンバーカード) registered, the second dependent 対象外, then 完了.
 */
export async function submittedEmployee(context: TestContext, options: Parameters<typeof signedInEmployee>[1] = {}) {
  const employee = await readyToSubmit(context, options)
  const submitted = await employee.call('POST', '/submission')
  expect(submitted.statusCode, submitted.body).toBe(200)
  const documents = await context.db.document.findMany({ where: { personId: { in: employee.householdIds } } })
  expect(documents).toHaveLength(4)
  return { ...employee, documents }
}

/** The same employee one step before: everyone registered or 対象外, 「完了」 not yet pressed. */
export async function readyToSubmit(context: TestContext, options: Parameters<typeof signedInEmployee>[1] = {}) {
  photo ??= await cardPhoto()
  const employee = await signedInEmployee(context, { ...options, campaign: { employeeEntersNumber: true, ...options.campaign } })
  const call = (method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
    context.app.inject({ method, url: `/api/employee${url}`, headers: employee.auth, ...(payload ? { payload } : {}) })
  const myNumbers = [validNumber(), validNumber()]
  for (const [index, person] of [employee.employee, employee.dependents[0]!].entries()) {
    for (const side of ['front', 'back']) {
      const body = imageUpload({ role: 'number', slot: 0, side, type: 'my_number_card' }, photo)
      const response = await context.app.inject({
        method: 'POST',
        url: `/api/employee/persons/${person.id}/images`,
        headers: { ...employee.auth, ...body.headers },
        payload: body.payload,
      })
      expect(response.statusCode, response.body).toBe(201)
    }
    const registered = await call('POST', `/persons/${person.id}/registration`, {
      numberDocument: { type: 'my_number_card', hasBack: true },
      identity: null,
      myNumber: myNumbers[index],
    })
    expect(registered.statusCode, registered.body).toBe(200)
  }
  expect((await call('PUT', `/persons/${employee.dependents[1]!.id}/applicability`, { applicable: false })).statusCode).toBe(200)
  const householdIds = [employee.employee.id, ...employee.dependents.map((d) => d.id)]
  return { ...employee, call, myNumbers, householdIds }
}
