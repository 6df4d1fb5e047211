/** Employees who pressed 「完了」, and valid numbers, for the tests of HR's number record. */
import { myNumberCheckDigit } from '@bango/shared/my-number'
import { randomInt } from 'node:crypto'
import { type TestContext, imageUpload, signedInEmployee } from './harness.ts'
import { cardPhoto } from './images.ts'

/** A fresh valid number per call, so that no test finds another's digits by chance. */
export function validNumber(): string {
  const first11 = Array.from({ length: 11 }, () => randomInt(10)).join('')
  return `${first11}${myNumberCheckDigit(first11)}`
}
export const wrongCheckDigit = (number: string) => `${number.slice(0, 11)}${(Number(number[11]) + 1) % 10}`

export type SubmittedEmployee = Awaited<ReturnType<typeof submittedEmployee>>

/**
 * An employee who registered themself and the first dependent with a マイナンバーカード (back —
 * the side with the number — from `backs[i]`, else a plain card photo) and marked the second
 * dependent 対象外, then 完了.
 * `typed[i]`: the number the employee typed for that person (the campaign then asks for it).
 */
export async function submittedEmployee(
  context: TestContext,
  options: { backs?: (Buffer | undefined)[]; typed?: (string | undefined)[]; submit?: boolean } = {},
) {
  const employee = await signedInEmployee(context, options.typed ? { campaign: { employeeEntersNumber: true } } : undefined)
  const photo = await cardPhoto()
  const persons = [employee.employee, employee.dependents[0]!]
  for (const [index, person] of persons.entries()) {
    for (const side of ['front', 'back'] as const) {
      const image = side === 'back' ? (options.backs?.[index] ?? photo) : photo
      const body = imageUpload({ role: 'number', slot: 0, side, type: 'my_number_card' }, image)
      const uploaded = await context.app.inject({
        method: 'POST',
        url: `/api/employee/persons/${person.id}/images`,
        headers: { ...employee.auth, ...body.headers },
        payload: body.payload,
      })
      if (uploaded.statusCode !== 201) throw new Error(`upload failed: ${uploaded.body}`)
    }
    const typed = options.typed?.[index]
    const registered = await context.app.inject({
      method: 'POST',
      url: `/api/employee/persons/${person.id}/registration`,
      headers: employee.auth,
      payload: { numberDocument: { type: 'my_number_card', hasBack: true }, identity: null, ...(typed ? { myNumber: typed } : {}) },
    })
    if (registered.statusCode !== 200) throw new Error(`registration failed: ${registered.body}`)
  }
  await context.app.inject({
    method: 'PUT',
    url: `/api/employee/persons/${employee.dependents[1]!.id}/applicability`,
    headers: employee.auth,
    payload: { applicable: false },
  })
  if (options.submit !== false) {
    const submitted = await context.app.inject({ method: 'POST', url: '/api/employee/submission', headers: employee.auth })
    if (submitted.statusCode !== 200) throw new Error(`submission failed: ${submitted.body}`)
  }
  return employee
}

/** The console URL of a person's number. */
export const numberUrl = (employee: { campaign: { id: string }; employee: { id: string } }, personId: string, suffix = '') =>
  `/api/admin/campaigns/${employee.campaign.id}/employees/${employee.employee.id}/persons/${personId}/number${suffix}`
