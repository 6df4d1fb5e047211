/**
 * Reading the number off phone-like photos (test/phone-photos.ts), a few from the untuned set:
 * a card back turned a quarter, one under uneven light with a shadow edge across its number, a
 * マイナンバーカード front (no number: nothing), a 住民票 (its 12-digit 個人番号, never the
 * 11-digit 住民票コード) and a card printed with a wrong check digit (nothing). Then, on photos of
 * the tuning set, the number's row found without tesseract and the shake taken out of it: a
 * shaken card whose page layout tesseract reads as no text at all gives its number. The numbers
 * printed use every digit (a reader measured on some digits only is measured on them only). The figures
 * for the whole set are the bench's: `pnpm --filter @bango/api bench:ocr-phone`.
 */
import { afterAll, expect, it } from 'vitest'
import { findBands, shakeOf, straighten } from '../src/lib/number-band.ts'
import { readMyNumber } from '../src/lib/number-reading.ts'
import { evenGreyImage } from '../src/lib/ocr-image.ts'
import { createOcrReader } from '../src/lib/ocr.ts'
import { numberFromSeed } from './number-cards.ts'
import { wrongCheckDigit } from './number-helpers.ts'
import { type PhonePhoto, phonePhotos, renderPhonePhoto } from './phone-photos.ts'

const reader = createOcrReader()
afterAll(() => reader.close())

const untuned = phonePhotos('untuned', 3)
const photo = (id: string): PhonePhoto => untuned.find((candidate) => candidate.id === `untuned/${id}`)!
const read = async (of: PhonePhoto) => readMyNumber(reader, await renderPhonePhoto(of))

it('prints numbers that use every digit, each about as often', () => {
  const counts = new Map<string, number>()
  for (const seed of phonePhotos('untuned', 4).map((each) => each.seed)) {
    for (const digit of numberFromSeed(seed).slice(0, 11)) counts.set(digit, (counts.get(digit) ?? 0) + 1)
  }
  // 64 numbers of 11 free digits: ~70 of each; an even-only generator gives none of five.
  expect([...counts.keys()].sort().join('')).toBe('0123456789')
  expect(Math.min(...counts.values())).toBeGreaterThan(35)
})

it('reads a card back photographed a quarter turn round', async () => {
  const turned = photo('L2/card-back/2')
  expect(turned.conditions.quarterTurns % 2).toBe(1)
  expect(await read(turned)).toBe(turned.printed)
})

it('reads a card back under uneven light with a shadow edge across the number', async () => {
  const shaded = photo('L2/card-back/1')
  expect(shaded.conditions).toMatchObject({ unevenLight: 0.6, shadow: 0.65 })
  expect(await read(shaded)).toBe(shaded.printed)
})

it('reads nothing off a マイナンバーカード front, which carries no number', async () => {
  expect(await read(photo('L1/card-front/0'))).toBeNull()
})

it('reads the 個人番号 off a 住民票, never its 11-digit 住民票コード', async () => {
  const record = photo('L1/residence-record/2')
  const reading = await read(record)
  expect(reading).toBe(record.printed)
  expect(reading).not.toContain(record.residentCode)
})

it('reads nothing off a card whose printed number has a wrong check digit', async () => {
  const card = photo('L0/card-back/0')
  expect(await read({ ...card, printed: wrongCheckDigit(card.printed) })).toBeNull()
})

// The rows of print found without tesseract (lib/number-band.ts), on photos of the tuning set.
const tuning = phonePhotos('tuning', 2)
const tuningPhoto = (id: string): PhonePhoto => tuning.find((candidate) => candidate.id === `tuning/${id}`)!
const lineAngle = (radians: number) => ((((radians * 180) / Math.PI) % 180) + 180) % 180

it('finds the number’s row first on a card back turned a quarter, running down the photo', async () => {
  const turned = tuningPhoto('L3/card-back/0')
  expect(turned.conditions.quarterTurns).toBe(3)
  const [row] = findBands(await evenGreyImage(await renderPhonePhoto(turned)))
  // Turned a quarter and then by its own few degrees on the desk: the row runs within 15° of upright.
  expect(Math.abs(lineAngle(row!.angle) - 90)).toBeLessThan(15)
  // Twelve digits in three groups: about eleven to thirteen digit heights long.
  expect(row!.length / row!.height).toBeGreaterThan(9)
  expect(row!.length / row!.height).toBeLessThan(15)
})

it('sees the shake of a shaken photo along its diagonal, and none on a sharp one', async () => {
  const shaken = tuningPhoto('L3/card-back/1')
  expect(shaken.conditions.motionBlur).toBe(9)
  const image = await evenGreyImage(await renderPhonePhoto(shaken))
  const [row] = findBands(image)
  const shake = shakeOf(straighten(image, row!, row!.angle))
  // The generator shakes down the photo's diagonal (45°), the card lies at about -10°: ~55° along the row.
  expect(shake).not.toBeNull()
  expect(Math.abs(lineAngle(shake!.angle + row!.angle) - 45)).toBeLessThan(15)
  expect(shake!.length).toBeGreaterThanOrEqual(8)
  const sharp = await evenGreyImage(await renderPhonePhoto(tuningPhoto('L0/card-back/0')))
  const [sharpRow] = findBands(sharp)
  expect(shakeOf(straighten(sharp, sharpRow!, sharpRow!.angle))).toBeNull()
})

it('reads the number off a shaken card on a pale desk, where the page layout finds no line', async () => {
  const shaken = tuningPhoto('L2/notice-card/0')
  expect(shaken.conditions).toMatchObject({ motionBlur: 5, paleDesk: true })
  const jpeg = await renderPhonePhoto(shaken)
  expect((await reader.read(jpeg)).flat().filter((word) => word.text.length >= 3)).toEqual([])
  expect(await readMyNumber(reader, jpeg)).toBe(shaken.printed)
})
