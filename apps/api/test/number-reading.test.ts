/**
 * Reading the number off phone-like photos (test/phone-photos.ts), a few from the untuned set:
 * a card back turned a quarter, one under uneven light with a shadow edge across its number, a
 * マイナンバーカード front (no number: nothing), a 住民票 (its 12-digit 個人番号, never the
 * 11-digit 住民票コード) and a card printed with a wrong check digit (nothing). The figures for the
 * whole set are the bench's: `pnpm --filter @bango/api bench:ocr-phone`.
 */
import { afterAll, expect, it } from 'vitest'
import { readMyNumber } from '../src/lib/number-reading.ts'
import { createOcrReader } from '../src/lib/ocr.ts'
import { wrongCheckDigit } from './number-helpers.ts'
import { type PhonePhoto, phonePhotos, renderPhonePhoto } from './phone-photos.ts'

const reader = createOcrReader()
afterAll(() => reader.close())

const untuned = phonePhotos('untuned', 3)
const photo = (id: string): PhonePhoto => untuned.find((candidate) => candidate.id === `untuned/${id}`)!
const read = async (of: PhonePhoto) => readMyNumber(reader, await renderPhonePhoto(of))

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
