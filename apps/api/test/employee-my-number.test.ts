/**
 * The number the employee types at 「登録する」 when the campaign asks for it: required exactly
 * then, checked, stored encrypted, part of the draft (purged with it, kept at 完了), and never in
 * a log line, an error body or an audit row.
 */
import { myNumberCheckDigit } from '@bango/shared/my-number'
import { randomInt } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openEmployeeNumber } from '../src/domain/employee-number.ts'
import { type TestContext, createTestContext, imageUpload, signedInEmployee, signedInOperator } from './harness.ts'
import { cardPhoto } from './images.ts'

const lines: string[] = []
let context: TestContext
let photo: Buffer
beforeAll(async () => {
  context = await createTestContext({ log: { level: 'trace', stream: { write: (line: string) => void lines.push(line) } } })
  photo = await cardPhoto()
}, 60_000)
afterAll(async () => {
  await context.close()
})

type Employee = Awaited<ReturnType<typeof signedInEmployee>>
const asking = { campaign: { employeeEntersNumber: true } }
const MY_NUMBER_CARD = { numberDocument: { type: 'my_number_card', hasBack: true }, identity: null }

/** A fresh valid number per call, so that no test finds another's digits by chance. */
function validNumber(): string {
  const first11 = Array.from({ length: 11 }, () => randomInt(10)).join('')
  return `${first11}${myNumberCheckDigit(first11)}`
}
const wrongCheckDigit = (number: string) => `${number.slice(0, 11)}${(Number(number[11]) + 1) % 10}`
const fullWidth = (digits: string) => digits.replace(/\d/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0))

const call = (employee: Employee, method: 'GET' | 'POST' | 'DELETE', url: string, payload?: object) =>
  context.app.inject({ method, url: `/api/employee${url}`, headers: employee.auth, ...(payload ? { payload } : {}) })

/** Both sides of a マイナンバーカード uploaded for the person, not yet registered. */
async function captureCard(employee: Employee, personId: string) {
  for (const side of ['front', 'back']) {
    const body = imageUpload({ role: 'number', slot: 0, side, type: 'my_number_card' }, photo)
    const response = await context.app.inject({
      method: 'POST',
      url: `/api/employee/persons/${personId}/images`,
      headers: { ...employee.auth, ...body.headers },
      payload: body.payload,
    })
    expect(response.statusCode, response.body).toBe(201)
  }
}

async function register(employee: Employee, personId: string, myNumber?: string) {
  await captureCard(employee, personId)
  const response = await call(employee, 'POST', `/persons/${personId}/registration`, { ...MY_NUMBER_CARD, ...(myNumber === undefined ? {} : { myNumber }) })
  expect(response.statusCode, response.body).toBe(200)
}

const personRow = (id: string) => context.db.person.findUniqueOrThrow({ where: { id } })

async function storedNumber(personId: string): Promise<string | null> {
  const { employeeEnteredNumber } = await personRow(personId)
  return employeeEnteredNumber && openEmployeeNumber(context.secrets.keyring, personId, employeeEnteredNumber)
}

describe('a campaign that asks for the number', () => {
  it('tells the SPA through GET /me', async () => {
    const yes = await signedInEmployee(context, asking)
    const no = await signedInEmployee(context)
    expect((await call(yes, 'GET', '/me')).json().campaign.employeeEntersNumber).toBe(true)
    expect((await call(no, 'GET', '/me')).json().campaign.employeeEntersNumber).toBe(false)
  })

  it('refuses 「登録する」 without a valid number, naming the field only, and stores nothing', async () => {
    const employee = await signedInEmployee(context, asking)
    const me = employee.employee.id
    await captureCard(employee, me)
    const number = validNumber()
    for (const myNumber of [
      undefined,
      '',
      wrongCheckDigit(number),
      number.slice(0, 11),
      `${number}0`,
      `${number.slice(0, 11)}x`,
      '١٢٣٤٥٦٧٨٩٠١٨',
      123456789018,
      null,
    ]) {
      const response = await call(employee, 'POST', `/persons/${me}/registration`, { ...MY_NUMBER_CARD, ...(myNumber === undefined ? {} : { myNumber }) })
      expect(response.statusCode, String(myNumber)).toBe(400)
      expect(response.json().error.code).toBe('VALIDATION')
      expect(response.json().error.details).toEqual([
        { path: 'myNumber', code: myNumber === undefined ? 'required' : 'my_number', message: expect.any(String) },
      ])
      expect(response.body).not.toContain(number.slice(0, 11))
    }
    expect(await personRow(me)).toMatchObject({ status: 'PENDING', registration: null, employeeEnteredNumber: null })
    expect(await context.db.document.count({ where: { personId: me, state: 'DRAFT' } })).toBe(2)
  })

  it('stores the number as typed (spaces, hyphens, full-width digits) encrypted and bound to the person', async () => {
    const employee = await signedInEmployee(context, asking)
    const me = employee.employee.id
    const number = validNumber()
    await register(employee, me, ` ${fullWidth(number.slice(0, 4))}　${number.slice(4, 8)}－${number.slice(8)} `)

    expect(await storedNumber(me)).toBe(number)
    const raw = Buffer.from((await personRow(me)).employeeEnteredNumber!)
    expect(raw.includes(Buffer.from(number))).toBe(false)
    expect(raw.subarray(0, 4).toString()).toBe('BNG1')
    // Copied to another person's row, it no longer decrypts.
    expect(() => openEmployeeNumber(context.secrets.keyring, employee.dependents[0]!.id, raw)).toThrow()
    const event = await context.db.auditEvent.findFirstOrThrow({ where: { action: 'person.registered', targetId: me } })
    expect(event.detail).toEqual({ images: 2, numberEntered: true })
  })
})

describe('a campaign that does not ask', () => {
  it('refuses a number rather than dropping it, and registers without one', async () => {
    const employee = await signedInEmployee(context)
    const me = employee.employee.id
    await captureCard(employee, me)
    const refused = await call(employee, 'POST', `/persons/${me}/registration`, { ...MY_NUMBER_CARD, myNumber: validNumber() })
    expect(refused.statusCode).toBe(400)
    expect(refused.json().error.details).toEqual([{ path: 'myNumber', code: 'invalid', message: expect.any(String) }])
    expect((await personRow(me)).status).toBe('PENDING')

    expect((await call(employee, 'POST', `/persons/${me}/registration`, MY_NUMBER_CARD)).statusCode).toBe(200)
    expect(await personRow(me)).toMatchObject({ status: 'REGISTERED', employeeEnteredNumber: null })
  })
})

describe('the number is part of the draft', () => {
  it('is discarded by 「登録をやり直す」 and by 対象外', async () => {
    const employee = await signedInEmployee(context, asking)
    const [spouse, child] = [employee.dependents[0]!.id, employee.dependents[1]!.id]
    await register(employee, spouse, validNumber())
    await register(employee, child, validNumber())
    expect((await call(employee, 'DELETE', `/persons/${spouse}/registration`)).statusCode).toBe(200)
    expect(await personRow(spouse)).toMatchObject({ status: 'PENDING', employeeEnteredNumber: null })
    expect(
      (await context.app.inject({ method: 'PUT', url: `/api/employee/persons/${child}/applicability`, headers: employee.auth, payload: { applicable: false } }))
        .statusCode,
    ).toBe(200)
    expect(await personRow(child)).toMatchObject({ status: 'NOT_APPLICABLE', employeeEnteredNumber: null })
  })

  it('is purged with the drafts after the draft lifetime and when HR closes the campaign', async () => {
    const expiring = await signedInEmployee(context, { campaign: { employeeEntersNumber: true, draftLifetimeHours: 1 } })
    await register(expiring, expiring.employee.id, validNumber())
    await context.app.services.drafts.purgeExpired(new Date(Date.now() + 2 * 3_600_000))
    expect(await personRow(expiring.employee.id)).toMatchObject({ status: 'PENDING', employeeEnteredNumber: null })

    const closing = await signedInEmployee(context, asking)
    await register(closing, closing.employee.id, validNumber())
    const hr = await signedInOperator(context, { role: 'administrator', companyId: closing.company.id })
    const closed = await context.app.inject({ method: 'POST', url: `/api/admin/campaigns/${closing.campaign.id}/close`, headers: hr.headers })
    expect(closed.statusCode, closed.body).toBe(200)
    expect(await personRow(closing.employee.id)).toMatchObject({ status: 'PENDING', employeeEnteredNumber: null })
  })

  it('is kept at 完了, through a later close and sweep', async () => {
    const employee = await signedInEmployee(context, asking)
    const numbers = [validNumber(), validNumber()]
    await register(employee, employee.employee.id, numbers[0])
    await register(employee, employee.dependents[0]!.id, numbers[1])
    await context.app.inject({
      method: 'PUT',
      url: `/api/employee/persons/${employee.dependents[1]!.id}/applicability`,
      headers: employee.auth,
      payload: { applicable: false },
    })
    expect((await call(employee, 'POST', '/submission')).statusCode).toBe(200)

    const hr = await signedInOperator(context, { role: 'administrator', companyId: employee.company.id })
    expect((await context.app.inject({ method: 'POST', url: `/api/admin/campaigns/${employee.campaign.id}/close`, headers: hr.headers })).statusCode).toBe(200)
    await context.app.services.drafts.purgeExpired(new Date(Date.now() + 48 * 3_600_000))
    expect([await storedNumber(employee.employee.id), await storedNumber(employee.dependents[0]!.id)]).toEqual(numbers)
  })
})

it('never writes the number to the log or the audit trail', async () => {
  const employee = await signedInEmployee(context, asking)
  const number = validNumber()
  const typed = `${number.slice(0, 4)}-${number.slice(4, 8)}-${number.slice(8)}`
  await captureCard(employee, employee.employee.id)
  const refused = await call(employee, 'POST', `/persons/${employee.employee.id}/registration`, { ...MY_NUMBER_CARD, myNumber: wrongCheckDigit(number) })
  expect(refused.statusCode).toBe(400)
  expect((await call(employee, 'POST', `/persons/${employee.employee.id}/registration`, { ...MY_NUMBER_CARD, myNumber: typed })).statusCode).toBe(200)
  await call(employee, 'DELETE', `/persons/${employee.employee.id}/registration`)

  const log = lines.join('')
  expect(log).toContain('request refused') // the stream does record this file's requests
  const audit = JSON.stringify(await context.db.auditEvent.findMany({ where: { companyId: employee.company.id } }), (_key, value: unknown) =>
    typeof value === 'bigint' ? value.toString() : value,
  )
  expect(audit).toContain('person.registered')
  for (const text of [log, audit]) {
    for (const secret of [number, typed, wrongCheckDigit(number), number.slice(0, 10), number.slice(2)]) expect(text).not.toContain(secret)
  }
})
