/**
 * HR's record of a person's number: double entry (two operators, or one operator confirming
 * in a later request without seeing the first value), check digit, duplicates by keyed hash,
 * the employee's own entry compared, audited reveal, access — and the number nowhere in
 * plaintext: not in any table, blob, log line or audit row.
 */
import type { NumberStateResponse } from '@bango/shared/admin-number'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { BlobStore } from '../src/lib/blob-store.ts'
import { storedKeys } from './blob-stores.ts'
import { type TestContext, createTestContext, signedInOperator } from './harness.ts'
import { type SubmittedEmployee, numberUrl, submittedEmployee, validNumber, wrongCheckDigit } from './number-helpers.ts'
import { tablesAsText } from './plaintext-scan.ts'

const lines: string[] = []
let context: TestContext
/** Every number any test typed: the plaintext scan at the end looks for all of them. */
const typedNumbers: string[] = []
beforeAll(async () => {
  context = await createTestContext({ log: { level: 'trace', stream: { write: (line: string) => void lines.push(line) } } })
}, 60_000)
afterAll(async () => {
  await context.close()
})

type Operator = Awaited<ReturnType<typeof signedInOperator>>
async function twoOperators(employee: SubmittedEmployee): Promise<[Operator, Operator]> {
  return [
    await signedInOperator(context, { role: 'operator', companyId: employee.company.id }),
    await signedInOperator(context, { role: 'administrator', companyId: employee.company.id }),
  ]
}

function enter(operator: Operator, employee: SubmittedEmployee, personId: string, number: string, confirm?: boolean) {
  typedNumbers.push(number)
  return context.app.inject({
    method: 'PUT',
    url: numberUrl(employee, personId, '/entries'),
    headers: operator.headers,
    payload: { number, ...(confirm === undefined ? {} : { confirm }) },
  })
}
async function stateOf(operator: Operator, employee: SubmittedEmployee, personId: string): Promise<NumberStateResponse> {
  const response = await context.app.inject({ method: 'GET', url: numberUrl(employee, personId), headers: operator.headers })
  expect(response.statusCode, response.body).toBe(200)
  return response.json()
}
const auditActions = async (targetId: string) =>
  (await context.db.auditEvent.findMany({ where: { targetId, action: { startsWith: 'number.' } }, orderBy: { id: 'asc' } })).map((event) => event.action)

describe('double entry', () => {
  it('holds the first entry unseen and records the number when a second operator types the same', async () => {
    const employee = await submittedEmployee(context)
    const [first, second] = await twoOperators(employee)
    const person = employee.dependents[0]!.id
    expect(await stateOf(first, employee, person)).toMatchObject({ state: 'none', masked: null, duplicateOf: [], employeeEntry: 'none' })

    const number = validNumber()
    const held = await enter(first, employee, person, `${number.slice(0, 4)} ${number.slice(4, 8)} ${number.slice(8)}`)
    expect(held.statusCode, held.body).toBe(200)
    expect(held.json()).toMatchObject({ state: 'pending_confirmation', masked: null, pendingByMe: true })
    expect(held.body).not.toContain(number.slice(8))
    expect(await stateOf(second, employee, person)).toMatchObject({ state: 'pending_confirmation', pendingByMe: false })
    expect((await context.db.person.findUniqueOrThrow({ where: { id: person } })).myNumber).toBeNull()

    const confirmed = await enter(second, employee, person, number)
    expect(confirmed.statusCode, confirmed.body).toBe(200)
    expect(confirmed.json()).toMatchObject({ state: 'recorded', masked: `**** **** ${number.slice(8)}`, pendingByMe: false })
    const row = await context.db.person.findUniqueOrThrow({ where: { id: person } })
    expect(row).toMatchObject({ myNumberRecordedById: second.operator.id })
    expect(row.myNumberHash).toMatch(/^[0-9a-f]{64}$/)
    expect(await context.db.numberEntry.count({ where: { personId: person } })).toBe(0)
    expect(await auditActions(person)).toEqual(['number.entry_held', 'number.recorded'])
  })

  it('refuses a second entry that differs with NUMBER_MISMATCH and discards the first', async () => {
    const employee = await submittedEmployee(context)
    const [first, second] = await twoOperators(employee)
    const person = employee.employee.id
    const number = validNumber()
    let other = validNumber()
    while (other === number) other = validNumber()
    expect((await enter(first, employee, person, number)).statusCode).toBe(200)
    const refused = await enter(second, employee, person, other)
    expect(refused.statusCode).toBe(422)
    expect(refused.json().error.code).toBe('NUMBER_MISMATCH')
    for (const digits of [number, other, number.slice(8), other.slice(8)]) expect(refused.body).not.toContain(digits)
    expect(await context.db.numberEntry.count({ where: { personId: person } })).toBe(0)
    expect(await stateOf(first, employee, person)).toMatchObject({ state: 'none', masked: null })
    // The discarded first entry cannot be confirmed any more: the next entry is a new first one.
    expect((await enter(second, employee, person, number)).json()).toMatchObject({ state: 'pending_confirmation' })
    expect(await auditActions(person)).toEqual(['number.entry_held', 'number.entry_mismatch', 'number.entry_held'])
  })

  it('refuses a bad check digit with 400 naming only the field, and holds nothing', async () => {
    const employee = await submittedEmployee(context)
    const [first] = await twoOperators(employee)
    const bad = wrongCheckDigit(validNumber())
    for (const number of [bad, '12345678901', 'abcdefghijkl']) {
      const refused = await enter(first, employee, employee.employee.id, number)
      expect(refused.statusCode).toBe(400)
      expect(refused.json().error).toMatchObject({ code: 'VALIDATION', details: [{ path: 'number' }] })
      expect(refused.body).not.toContain(number)
    }
    expect(await context.db.numberEntry.count({ where: { personId: employee.employee.id } })).toBe(0)
  })

  it('lets the same operator confirm only in a later request marked confirm, never showing the first value', async () => {
    const employee = await submittedEmployee(context)
    const [operator] = await twoOperators(employee)
    const person = employee.employee.id
    const number = validNumber()
    // confirm without a first entry: nothing to confirm.
    expect((await enter(operator, employee, person, number, true)).statusCode).toBe(409)

    const responses = [await enter(operator, employee, person, number)]
    // The same operator typing again without `confirm` re-types the first entry: still not recorded.
    responses.push(await enter(operator, employee, person, number))
    expect(responses[1]!.json()).toMatchObject({ state: 'pending_confirmation', pendingByMe: true })
    expect(await context.db.person.findUniqueOrThrow({ where: { id: person } })).toMatchObject({ myNumber: null })
    const shown = await context.app.inject({ method: 'GET', url: numberUrl(employee, person), headers: operator.headers })
    responses.push(shown)
    for (const response of responses) expect(response.body).not.toContain(number.slice(4))

    const confirmed = await enter(operator, employee, person, number, true)
    expect(confirmed.json()).toMatchObject({ state: 'recorded', masked: `**** **** ${number.slice(8)}` })
    const recorded = await context.db.auditEvent.findFirstOrThrow({ where: { targetId: person, action: 'number.recorded' } })
    expect(recorded.detail).toMatchObject({ sameOperator: true, firstEntryBy: operator.operator.id })
  })

  it('refuses entries before the employee pressed 完了', async () => {
    const employee = await submittedEmployee(context, { submit: false })
    const [operator] = await twoOperators(employee)
    const refused = await enter(operator, employee, employee.employee.id, validNumber())
    expect(refused.statusCode).toBe(409)
    expect(await context.db.numberEntry.count({ where: { personId: employee.employee.id } })).toBe(0)
  })
})

async function record(employee: SubmittedEmployee, personId: string, number: string) {
  const [first, second] = await twoOperators(employee)
  expect((await enter(first, employee, personId, number)).statusCode).toBe(200)
  const confirmed = await enter(second, employee, personId, number)
  expect(confirmed.statusCode, confirmed.body).toBe(200)
  return { first, second, state: confirmed.json() as NumberStateResponse }
}

describe('what the record is compared with', () => {
  it('flags another person of the same company with the same number, named, not one of another company', async () => {
    const employee = await submittedEmployee(context)
    const stranger = await submittedEmployee(context)
    const number = validNumber()
    await record(stranger, stranger.employee.id, number)
    const { state: alone } = await record(employee, employee.employee.id, number)
    expect(alone.duplicateOf).toEqual([])
    const { first, state } = await record(employee, employee.dependents[0]!.id, number)
    const household = {
      campaignId: employee.campaign.id,
      employeeId: employee.employee.id,
      employeeNumber: employee.employee.employeeNumber,
      campaignName: employee.campaign.name,
    }
    expect(state.duplicateOf).toEqual([{ personId: employee.employee.id, name: employee.employee.name, ...household }])
    expect((await stateOf(first, employee, employee.employee.id)).duplicateOf).toEqual([
      { personId: employee.dependents[0]!.id, name: employee.dependents[0]!.name, ...household },
    ])
  })

  it('flags a difference from the number the employee typed', async () => {
    const typed = [validNumber(), validNumber()]
    typedNumbers.push(...typed)
    const employee = await submittedEmployee(context, { typed })
    const matching = await record(employee, employee.employee.id, typed[0]!)
    expect(matching.state.employeeEntry).toBe('matches')
    let other = validNumber()
    while (other === typed[1]) other = validNumber()
    const differing = await record(employee, employee.dependents[0]!.id, other)
    expect(differing.state.employeeEntry).toBe('differs')
    const event = await context.db.auditEvent.findFirstOrThrow({ where: { targetId: employee.dependents[0]!.id, action: 'number.recorded' } })
    expect(event.detail).toMatchObject({ employeeEntry: 'differs' })
  })
})

describe('reveal and access', () => {
  it('reveals the full number as an audited event that names the person, never the number', async () => {
    const employee = await submittedEmployee(context)
    const number = validNumber()
    const person = employee.dependents[0]!.id
    const { second } = await record(employee, person, number)
    const revealed = await context.app.inject({ method: 'POST', url: numberUrl(employee, person, '/reveal'), headers: second.headers })
    expect(revealed.statusCode, revealed.body).toBe(200)
    expect(revealed.json()).toEqual({ number })
    expect(revealed.headers['cache-control']).toContain('no-store')
    const event = await context.db.auditEvent.findFirstOrThrow({ where: { targetId: person, action: 'number.revealed' } })
    expect(event).toMatchObject({ actorId: second.operator.id, companyId: employee.company.id, detail: { employeeId: employee.employee.id } })

    const nothing = await context.app.inject({ method: 'POST', url: numberUrl(employee, employee.employee.id, '/reveal'), headers: second.headers })
    expect(nothing.statusCode).toBe(409)
  })

  it('answers 404 to another company and for a person of another employee', async () => {
    const employee = await submittedEmployee(context)
    const other = await submittedEmployee(context)
    const number = validNumber()
    await record(employee, employee.employee.id, number)
    const stranger = await signedInOperator(context, { role: 'administrator', companyId: other.company.id })
    const own = await signedInOperator(context, { role: 'administrator', companyId: employee.company.id })
    const calls = [
      { method: 'GET' as const, suffix: '' },
      { method: 'POST' as const, suffix: '/reveal' },
      { method: 'POST' as const, suffix: '/ocr' },
      { method: 'PUT' as const, suffix: '/entries', payload: { number } },
    ]
    for (const call of calls) {
      const foreign = await context.app.inject({
        method: call.method,
        url: numberUrl(employee, employee.employee.id, call.suffix),
        headers: stranger.headers,
        ...(call.payload ? { payload: call.payload } : {}),
      })
      expect(foreign.statusCode, `${call.method} ${call.suffix}`).toBe(404)
      // Own company, but the person is another employee's: also 404.
      const elsewhere = await context.app.inject({
        method: call.method,
        url: numberUrl(employee, other.dependents[0]!.id, call.suffix),
        headers: own.headers,
        ...(call.payload ? { payload: call.payload } : {}),
      })
      expect(elsewhere.statusCode, `${call.method} ${call.suffix}`).toBe(404)
    }
    expect(await auditActions(employee.employee.id)).not.toContain('number.revealed')
  })
})

/** Every blob in the store, as bytes. */
async function readAll(blobs: BlobStore): Promise<Buffer[]> {
  return Promise.all((await storedKeys(blobs)).map((key) => blobs.get(key)))
}

it('keeps every typed number out of the database, the blob folder, the log and the audit rows in plaintext', async () => {
  expect(typedNumbers.length).toBeGreaterThan(10)
  const recorded = await context.db.person.count({ where: { myNumber: { not: null } } })
  expect(recorded).toBeGreaterThan(5)
  // Each row as PostgreSQL prints it: every text column as text, every bytea column as \x hex.
  const database = await tablesAsText(context.db)
  expect(database).toContain('number.recorded')
  const blobs = await readAll(context.blobs)
  expect(blobs.length).toBeGreaterThan(10)
  const log = lines.join('')
  expect(log).toContain('/number/entries')
  const audit = JSON.stringify(await context.db.auditEvent.findMany({ where: { action: { startsWith: 'number.' } } }), (_k, v: unknown) =>
    typeof v === 'bigint' ? v.toString() : v,
  )
  for (const number of new Set(typedNumbers.map((n) => n.replace(/\D/g, '')).filter((n) => n.length >= 11))) {
    const asciiHex = Buffer.from(number, 'ascii').toString('hex')
    expect(database).not.toContain(number)
    expect(database).not.toContain(asciiHex)
    expect(log).not.toContain(number)
    expect(log).not.toContain(number.slice(0, 4) + ' ' + number.slice(4, 8))
    expect(audit).not.toContain(number)
    for (const blob of blobs) expect(blob.includes(number)).toBe(false)
  }
})
