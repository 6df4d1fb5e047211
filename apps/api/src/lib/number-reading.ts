/**
 * Reading the 12-digit number off a photo of a number document: what the OCR worker's text is
 * turned into. Only a run with a valid check digit counts; anything else is no reading.
 */
import { findMyNumbers } from '@bango/shared/my-number'
import type { OcrReader } from './ocr.ts'

/**
 * The first valid number on an image. Upscaled first (small print reads best at ~2000 px); when
 * that finds none, once more at the image's own size, where resampling has not blurred the digits.
 */
export async function readMyNumber(ocr: OcrReader, image: Buffer): Promise<string | null> {
  for (const upscale of [true, false]) {
    const found = findMyNumbers(await ocr.read(image, { upscale }))[0]
    if (found) return found
  }
  return null
}
