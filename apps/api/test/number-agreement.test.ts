/**
 * HR confirms instead of typing (ADR 043): a number the read at upload and the employee's own
 * entry agree on is recorded on one operator's confirmation — only where the company's
 * administrator accepted that (off by default: a second operator types it); a disagreement, or a
 * number other than the agreed one, records nothing; every recorded number says how it was
 * obtained, in the state and in the audit detail, never the number. Two cards read by OCR.
 */
import type { NumberStateResponse } from '@bango/shared/admin-number'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { inProcessImages } from '../src/lib/image-pool.ts'
import { type TestContext, createTestContext, signedInOperator } from './harness.ts'
import { cardVariant, renderCard } from './number-cards.ts'
import { type SubmittedEmployee, numberUrl, submittedEmployee, validNumber } from './number-helpers.ts'

let context: TestContext
let employee: SubmittedEmployee
/** The employee typed the number on their card; for the dependent they typed another valid one. */
const printed = [validNumber(), validNumber()]
const typed = [printed[0]!, validNumber()]
let operator: Awaited<ReturnType<typeof signedInOperator>>
let administrator: Awaited<ReturnType<typeof signedInOperator>>

beforeAll(async () => {
  context = await createTestContext({ images: inProcessImages(), readNumbersAtUpload: true })
  employee = await submittedEmployee(context, { typed, backs: await Promise.all(printed.map((number, i) => renderCard({ ...cardVariant(i), number }))) })
  await context.app.services.numberReads.settled()
  operator = await signedInOperator(context, { role: 'operator', companyId: employee.company.id })
  administrator = await signedInOperator(context, { role: 'administrator', companyId: employee.company.id })
}, 60_000)
afterAll(async () => {
  await context.close()
})

const state = async (personId: string) =>
  (await context.app.inject({ method: 'GET', url: numberUrl(employee, personId), headers: operator.headers })).json<NumberStateResponse>()
const confirm = (personId: string, number: string, headers = operator.headers) =>
  context.app.inject({ method: 'POST', url: numberUrl(employee, personId, '/agreement'), headers, payload: { number } })
const settings = (acceptNumberAgreement: boolean, headers: Record<string, string>) =>
  context.app.inject({
    method: 'PUT',
    url: `/api/admin/companies/${employee.company.id}/settings`,
    headers,
    payload: { allowedNetworks: [], acceptNumberAgreement },
  })

describe('a confirmed agreement', () => {
  it('is offered, but a second operator must still type, until an administrator accepts agreements', async () => {
    const person = employee.employee.id
    expect(await state(person)).toMatchObject({ state: 'none', agreement: 'read_and_employee', acceptsAgreement: false, method: null })
    const refused = await confirm(person, printed[0]!)
    expect(refused.statusCode).toBe(409)
    expect(refused.json()).toMatchObject({ error: { code: 'CONFLICT', details: { reason: 'double_entry_required' } } })

    // The company's choice is the administrator's, audited with before and after.
    expect((await settings(true, operator.headers)).statusCode).toBe(403)
    expect((await settings(true, administrator.headers)).json()).toMatchObject({ acceptNumberAgreement: true })
    const changed = await context.db.auditEvent.findFirstOrThrow({ where: { action: 'company.settings_updated', companyId: employee.company.id } })
    expect(changed.detail).toEqual({ acceptNumberAgreement: { before: false, after: true } })
    expect(await state(person)).toMatchObject({ agreement: 'read_and_employee', acceptsAgreement: true })
  })

  it('records the agreed number on one confirmation, says how it was obtained, and audits it without the number', async () => {
    const person = employee.employee.id
    // Not the agreed number (a stale screen, a slip): nothing is recorded.
    const other = await confirm(person, validNumber())
    expect(other.json()).toMatchObject({ error: { code: 'CONFLICT', details: { reason: 'no_agreement' } } })
    expect((await state(person)).state).toBe('none')

    const recorded = await confirm(person, printed[0]!)
    expect(recorded.statusCode, recorded.body).toBe(200)
    expect(recorded.json()).toMatchObject({ state: 'recorded', method: 'agreement', masked: `**** **** ${printed[0]!.slice(8)}`, employeeEntry: 'matches' })
    const event = await context.db.auditEvent.findFirstOrThrow({ where: { targetId: person, action: 'number.recorded' } })
    expect(event.actorId).toBe(operator.operator.id)
    expect(event.detail).toEqual({
      employeeId: employee.employee.id,
      method: 'agreement',
      sources: 'read_and_employee',
      replaced: false,
      duplicates: 0,
      employeeEntry: 'matches',
    })
    expect(JSON.stringify(event.detail)).not.toContain(printed[0]!.slice(4))
  })

  it('offers nothing where the employee typed another number than the card shows; typed twice, the record says so', async () => {
    const person = employee.dependents[0]!.id
    expect(await state(person)).toMatchObject({ agreement: null, acceptsAgreement: true })
    expect((await confirm(person, printed[1]!)).json()).toMatchObject({ error: { details: { reason: 'no_agreement' } } })
    expect((await confirm(person, typed[1]!)).json()).toMatchObject({ error: { details: { reason: 'no_agreement' } } })

    // Double entry as always: the record says it was typed twice.
    for (const [who, confirmEntry] of [
      [operator, false],
      [administrator, false],
    ] as const) {
      const response = await context.app.inject({
        method: 'PUT',
        url: numberUrl(employee, person, '/entries'),
        headers: who.headers,
        payload: { number: printed[1], confirm: confirmEntry },
      })
      expect(response.statusCode, response.body).toBe(200)
    }
    expect(await state(person)).toMatchObject({ state: 'recorded', method: 'double_entry', employeeEntry: 'differs' })
    const event = await context.db.auditEvent.findFirstOrThrow({ where: { targetId: person, action: 'number.recorded' } })
    expect(event.detail).toMatchObject({ method: 'double_entry', sameOperator: false })
  })
})
