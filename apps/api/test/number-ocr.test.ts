/**
 * The OCR suggestion on generated cards (test/number-cards.ts): read through the API from the
 * submitted number document, decrypted in memory, suggested only with a valid check digit and
 * never saved; plus a handful of cards read directly for the hit rate (the bench reads 30:
 * `pnpm --filter @bango/api bench:ocr`). Tesseract takes ~1 s per image: the set stays small.
 */
import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { inProcessImages } from '../src/lib/image-pool.ts'
import { ENG_LANG_PATH } from '../src/lib/ocr.ts'
import { type TestContext, createTestContext, signedInOperator } from './harness.ts'
import { cardVariant, renderCard } from './number-cards.ts'
import { numberUrl, submittedEmployee, wrongCheckDigit } from './number-helpers.ts'

/** The app's own reader (in this process), also used directly for the hit rate: one OCR worker for the file. */
const images = inProcessImages()
let context: TestContext
beforeAll(async () => {
  context = await createTestContext({ images })
}, 60_000)
afterAll(async () => {
  await context.close()
})

it('reads the traineddata shipped in node_modules, not from a CDN', () => {
  expect(path.isAbsolute(ENG_LANG_PATH)).toBe(true)
  expect(ENG_LANG_PATH).toContain(path.join('node_modules', '@tesseract.js-data', 'eng'))
  expect(fs.statSync(path.join(ENG_LANG_PATH, 'eng.traineddata.gz')).size).toBeGreaterThan(1_000_000)
})

it('suggests the number printed on each person’s submitted card, and saves nothing', async () => {
  const variants = [cardVariant(0), cardVariant(1)]
  const employee = await submittedEmployee(context, { backs: await Promise.all(variants.map(renderCard)) })
  const hr = await signedInOperator(context, { role: 'operator', companyId: employee.company.id })
  for (const [index, person] of [employee.employee, employee.dependents[0]!].entries()) {
    const response = await context.app.inject({ method: 'POST', url: numberUrl(employee, person.id, '/ocr'), headers: hr.headers })
    expect(response.statusCode, response.body).toBe(200)
    expect(response.json()).toEqual({ suggestion: variants[index]!.number, employeeEntry: null })
    const state = await context.app.inject({ method: 'GET', url: numberUrl(employee, person.id), headers: hr.headers })
    expect(state.json()).toMatchObject({ state: 'none', masked: null })
    const event = await context.db.auditEvent.findFirstOrThrow({ where: { targetId: person.id, action: 'number.ocr_read' } })
    expect(event.detail).toEqual({ employeeId: employee.employee.id, images: 1, readAtUpload: false, suggested: true, employeeEntryShown: false })
    expect(JSON.stringify(event.detail)).not.toContain(variants[index]!.number)
  }
  expect(await context.db.person.count({ where: { myNumber: { not: null } } })).toBe(0)
}, 30_000)

it('suggests nothing when the printed number’s check digit is wrong (only the back, which carries the number, is read)', async () => {
  const variant = cardVariant(2)
  const wrong = await renderCard({ ...variant, number: wrongCheckDigit(variant.number) })
  const employee = await submittedEmployee(context, { backs: [wrong, undefined] })
  const hr = await signedInOperator(context, { role: 'operator', companyId: employee.company.id })
  const response = await context.app.inject({ method: 'POST', url: numberUrl(employee, employee.employee.id, '/ocr'), headers: hr.headers })
  expect(response.json()).toEqual({ suggestion: null, employeeEntry: null })
  const events = await context.db.auditEvent.findMany({ where: { action: 'number.ocr_read', targetId: employee.employee.id } })
  expect(events.map((e) => e.detail)).toEqual([
    { employeeId: employee.employee.id, images: 1, readAtUpload: false, suggested: false, employeeEntryShown: false },
  ])
}, 30_000)

it('refuses to read before the employee pressed 完了', async () => {
  const employee = await submittedEmployee(context, { submit: false })
  const hr = await signedInOperator(context, { role: 'operator', companyId: employee.company.id })
  const response = await context.app.inject({ method: 'POST', url: numberUrl(employee, employee.employee.id, '/ocr'), headers: hr.headers })
  expect(response.statusCode).toBe(409)
})

it('reads most generated cards correctly (hit rate printed)', async () => {
  const indexes = [3, 7, 8]
  let hits = 0
  for (const index of indexes) {
    const variant = cardVariant(index)
    if ((await images.readNumber(await renderCard(variant))).number === variant.number) hits++
  }
  console.log(`OCR hit rate on generated cards (test set): ${hits}/${indexes.length}`)
  expect(hits).toBeGreaterThanOrEqual(indexes.length - 1)
}, 30_000)
