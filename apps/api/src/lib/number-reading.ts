/**
 * Reading the 12-digit number off a photo of a number document: what the OCR worker's words are
 * turned into. A wrong number costs more than none (HR would accept a stranger's number as a
 * suggestion), and any misread passes the check digit one time in eleven, so the rule is strict:
 *
 * - The number must be printed as the documents print it: three 4-digit groups on one line
 *   (マイナンバーカード, 通知カード) or one 12-digit word (住民票). Digits are never glued across
 *   a gap, so the 11-digit 住民票コード next to a stray digit is never a number.
 * - Every word of it must be read with confidence (MIN_CONFIDENCE), and the check digit must hold.
 * - Two different numbers in one read mean none: which one is right cannot be told.
 * - A photo may be turned by any quarter (an EXIF tag is honoured first): the turns are tried one
 *   by one and the first read that finds a number ends the reading. Digits read upside down or
 *   sideways come out with low confidence, so a wrong turn finds nothing rather than a wrong number.
 * - What looks like the number but is not read with confidence (a shadow's edge through a group,
 *   small print) is read once more, cut out and enlarged; the same rule applies to that read.
 * @see packages/shared/src/my-number.ts for the check digit.
 */
import { isValidMyNumber } from '@bango/shared/my-number'
import type { Region } from './ocr-image.ts'
import type { OcrLine, OcrReader, OcrWord, QuarterTurns } from './ocr.ts'

/** tesseract's word confidence below which a word is a guess (correct reads of print are at 90–96). */
export const MIN_CONFIDENCE = 80
/** Below this a word is noise (Japanese text read as digits comes out at 0–40): it neither counts nor joins. */
const NOISE_CONFIDENCE = 50

/** Upright first, then upside down (a card photographed from the other side of the desk), then sideways. */
const TURNS: QuarterTurns[] = [0, 2, 1, 3]

/** Three 4-digit groups side by side: gaps of about a space, not across a column. */
function isGroupOfThree(words: OcrWord[]): boolean {
  if (words.length !== 3 || words.some((word) => word.text.length !== 4)) return false
  const height = Math.max(...words.map((word) => word.bottom - word.top))
  return words.every((word, i) => i === 0 || word.left - words[i - 1]!.right < 2.5 * height)
}

/** The numbers on one read's lines that follow the rule above. */
export function numbersOnLines(lines: OcrLine[]): string[] {
  const found = new Set<string>()
  for (const line of lines) {
    const words = line.filter((word) => word.text.length > 0 && word.confidence >= NOISE_CONFIDENCE)
    for (const [index, word] of words.entries()) {
      if (word.text.length === 12 && word.confidence >= MIN_CONFIDENCE && isValidMyNumber(word.text)) found.add(word.text)
      const three = words.slice(index, index + 3)
      // A fourth group before or after makes a longer number than a My Number: not this one.
      const longer = [words[index - 1], words[index + 3]].some((next) => next?.text.length === 4)
      const digits = three.map((group) => group.text).join('')
      if (isGroupOfThree(three) && !longer && three.every((group) => group.confidence >= MIN_CONFIDENCE) && isValidMyNumber(digits)) found.add(digits)
    }
  }
  return [...found]
}

/** Digit height a closer look enlarges to: the LSTM reads lines at ~36 px, binarisation wants more. */
const CLOSER_DIGIT_HEIGHT = 56
/** At most this many closer looks per turn: each costs ~0.1 s. */
const CLOSER_LOOKS = 2

/** What looks like the number without being read as it: three groups of 3–5 digits, or one word of 11–13. */
function nearMisses(lines: OcrLine[]): OcrWord[][] {
  const found: OcrWord[][] = []
  for (const line of lines) {
    const words = line.filter((word) => word.text.length > 0)
    for (const [index, word] of words.entries()) {
      if (word.text.length >= 11 && word.text.length <= 13) found.push([word])
      const three = words.slice(index, index + 3)
      if (three.length === 3 && three.every((group) => group.text.length >= 3 && group.text.length <= 5)) found.push(three)
    }
  }
  return found
}

/** The words' box with a margin, the turn that levels them, and the enlargement that brings their digits to CLOSER_DIGIT_HEIGHT. */
function closerLook(words: OcrWord[]): { region: Region; scale: number; degrees: number } {
  const left = Math.min(...words.map((word) => word.left))
  const top = Math.min(...words.map((word) => word.top))
  const width = Math.max(...words.map((word) => word.right)) - left
  const height = Math.max(...words.map((word) => word.bottom)) - top
  // Sideways text (tesseract turns a vertical line itself) is taller than wide: its digits' height is the width.
  const digits = Math.min(width, height)
  const margin = digits * 0.8 + 8
  const first = words[0]!
  const last = words[words.length - 1]!
  const rise = (last.top + last.bottom - first.top - first.bottom) / 2
  const run = (last.left + last.right - first.left - first.right) / 2
  return {
    degrees: words.length > 1 && run > 0 ? (-Math.atan2(rise, run) * 180) / Math.PI : 0,
    region: { left: left - margin, top: top - margin, width: width + 2 * margin, height: height + 2 * margin },
    scale: Math.min(3, Math.max(1, CLOSER_DIGIT_HEIGHT / digits)),
  }
}

/** The number on an image, or null when no turn of it gives exactly one number by the rule above. */
export async function readMyNumber(ocr: OcrReader, image: Buffer): Promise<string | null> {
  for (const quarterTurns of TURNS) {
    const lines = await ocr.read(image, { quarterTurns })
    let found = numbersOnLines(lines)
    for (const near of nearMisses(lines).slice(0, CLOSER_LOOKS)) {
      if (found.length > 0) break
      found = numbersOnLines(await ocr.read(image, { quarterTurns, ...closerLook(near) }))
    }
    if (found.length > 1) return null
    if (found.length === 1) return found[0]!
  }
  return null
}
