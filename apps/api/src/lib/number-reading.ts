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
 * - The rows of print are first found without tesseract (number-band.ts) and the three most
 *   like a number read on their own, level, enlarged, both ways up and sharpened when the photo
 *   is shaken: tesseract's page layout misses the print of a small, blurred or shaken card. When
 *   none gives a number, the whole photo is read as follows.
 * - A photo may be turned by any quarter (an EXIF tag is honoured first): the direction of its
 *   lines picks the two turns that may be upright, and the first read that finds a number ends
 *   the reading. Digits read upside down come out with low confidence, so a wrong turn finds
 *   nothing rather than a wrong number.
 * - What looks like the number but is not read with confidence (a shadow's edge through a group,
 *   small print) is read again, cut out, levelled and enlarged to up to two digit heights; the
 *   same rule applies to each of those reads.
 * - Twelve digits read clearly as printed that fail the check digit end the reading with none.
 * @see packages/shared/src/my-number.ts for the check digit.
 */
import { isValidMyNumber } from '@bango/shared/my-number'
import { JOIN_RADIUS, bandPng, findBands, shakeOf, straighten, unshaken } from './number-band.ts'
import type { Region } from './ocr-image.ts'
import type { OcrLine, OcrReader, OcrWord, QuarterTurns } from './ocr.ts'
import { type NormalizedImage, turnImage } from './images.ts'

/** tesseract's word confidence below which a word is a guess (correct reads of print are at 90–96). */
export const MIN_CONFIDENCE = 80
/** Below this a word is noise (Japanese text read as digits comes out at 0–40): it neither counts nor joins. */
const NOISE_CONFIDENCE = 50

/** Three 4-digit groups side by side: gaps of about a space, not across a column. */
function isGroupOfThree(words: OcrWord[]): boolean {
  if (words.length !== 3 || words.some((word) => word.text.length !== 4)) return false
  const height = Math.max(...words.map((word) => word.bottom - word.top))
  return words.every((word, i) => i === 0 || word.left - words[i - 1]!.right < 2.5 * height)
}

/** Twelve digits as the documents print them, every word read with confidence (the weakest word's here); the check digit not yet tested. */
interface Printed {
  digits: string
  confidence: number
}

function printedOnLines(lines: OcrLine[]): Printed[] {
  const found: Printed[] = []
  for (const line of lines) {
    const words = line.filter((word) => word.text.length > 0 && word.confidence >= NOISE_CONFIDENCE)
    for (const [index, word] of words.entries()) {
      if (word.text.length === 12 && word.confidence >= MIN_CONFIDENCE) found.push({ digits: word.text, confidence: word.confidence })
      const three = words.slice(index, index + 3)
      // A fourth group before or after makes a longer number than a My Number: not this one.
      const longer = [words[index - 1], words[index + 3]].some((next) => next?.text.length === 4)
      const confidence = Math.min(...three.map((group) => group.confidence))
      if (isGroupOfThree(three) && !longer && confidence >= MIN_CONFIDENCE) found.push({ digits: three.map((group) => group.text).join(''), confidence })
    }
  }
  return found
}

/** The numbers on one read's lines that follow the rule above. */
export function numbersOnLines(lines: OcrLine[]): string[] {
  return [...new Set(printedOnLines(lines).map((printed) => printed.digits))].filter(isValidMyNumber)
}

/**
 * Digit heights a closer look enlarges to, one read each (~50 ms): tesseract binarises and
 * segments the line a little differently at each, so a digit misread at one is often right at another.
 * (A third, 72 px, read nothing more on the tuning photos once the bands are read first.)
 */
const CLOSER_DIGIT_HEIGHTS = [56, 40]
/** At most this many near misses per turn are looked at closely. */
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

/**
 * The words' box with a margin, the turn that levels them (tesseract reads a line running down
 * the image as text turned a quarter clockwise: it is levelled by -90°), and the enlargement that
 * brings their digits to `digitHeight`.
 */
function closerLook(words: OcrWord[], digitHeight: number): { region: Region; scale: number; degrees: number } {
  const left = Math.min(...words.map((word) => word.left))
  const top = Math.min(...words.map((word) => word.top))
  const width = Math.max(...words.map((word) => word.right)) - left
  const height = Math.max(...words.map((word) => word.bottom)) - top
  // Each word's own box: the box of a slanted line is taller than its digits.
  const digits = Math.min(...words.map((word) => Math.min(word.right - word.left, word.bottom - word.top)))
  const margin = digits * 0.8 + 8
  const first = words[0]!
  const last = words[words.length - 1]!
  const down = (last.top + last.bottom - first.top - first.bottom) / 2
  const across = (last.left + last.right - first.left - first.right) / 2
  const sideways = words.length === 1 ? height > width : Math.abs(down) > Math.abs(across)
  const code = words.length === 1 && words[0]!.text.length === 11 && !sideways
  const degrees = words.length > 1 ? (-Math.atan2(down, across) * 180) / Math.PI : sideways ? -90 : 0
  return {
    degrees,
    // An 11-digit word is most likely a 住民票's 住民票コード: the 個人番号 is on the row below it.
    region: { left: left - margin, top: top - margin, width: width + 2 * margin, height: height + 2 * margin + (code ? 3 * digits : 0) },
    scale: Math.min(4, Math.max(1, digitHeight / digits)),
  }
}

/**
 * Whether a read's lines run down the image (the photo is turned a quarter): most words of two
 * digits or more are taller than wide; null when it has no such word. tesseract reads such lines,
 * but worse than level ones.
 */
function runsDown(lines: OcrLine[]): boolean | null {
  const words = lines.flat().filter((word) => word.text.length >= 2)
  if (words.length === 0) return null
  return words.filter((word) => word.bottom - word.top > word.right - word.left).length * 2 > words.length
}

/**
 * What the reads of one image have given: the numbers, and how clearly the clearest twelve digits
 * that fail the check digit were read (0 when none were).
 */
interface Reading {
  numbers: Printed[]
  invalid: number
  /** The clockwise quarter turns that put the image upright, by the read that first gave a number. */
  quarterTurns: QuarterTurns
}

/** The quarter turns that level print running along `angle` (radians, clockwise from the image's x axis). */
const turnsToLevel = (angle: number): QuarterTurns => (((Math.round(-angle / (Math.PI / 2)) % 4) + 4) % 4) as QuarterTurns

/** Takes in one read: its numbers by the rule above, and its twelve digits that fail the check digit. */
function take(reading: Reading, lines: OcrLine[]): boolean {
  for (const printed of printedOnLines(lines)) {
    if (isValidMyNumber(printed.digits)) reading.numbers.push(printed)
    else reading.invalid = Math.max(reading.invalid, printed.confidence)
  }
  return reading.numbers.length > 0
}

/**
 * One turn: its read, else up to CLOSER_LOOKS near misses read again at each of
 * CLOSER_DIGIT_HEIGHTS until one read gives a number.
 */
async function readTurn(ocr: OcrReader, image: Buffer, quarterTurns: QuarterTurns, lines: OcrLine[], reading: Reading): Promise<void> {
  const found = () => {
    reading.quarterTurns = quarterTurns
    return true
  }
  if (take(reading, lines)) return void found()
  for (const near of nearMisses(lines).slice(0, CLOSER_LOOKS)) {
    for (const digitHeight of CLOSER_DIGIT_HEIGHTS) {
      if (take(reading, await ocr.read(image, { quarterTurns, ...closerLook(near, digitHeight) }))) return void found()
    }
  }
}

/** The digit height a band is read at (its strokes then a few pixels wide, as tesseract reads best). */
const BAND_DIGIT_HEIGHT = 40
/** The rows of print read on their own, most number-like first (a card's number row is nearly always the first). */
const BANDS = 3

/**
 * The rows of print found without tesseract (number-band.ts), each cut out level, sharpened when
 * shaken, enlarged to BAND_DIGIT_HEIGHT and read both ways up, until one read gives a number.
 */
async function readBands(ocr: OcrReader, image: Buffer, reading: Reading): Promise<void> {
  const prepared = await ocr.prepare(image)
  // The way up, once a band has shown it: all the rows of a document run the same way.
  let up: number | null = null
  for (const band of findBands(prepared).slice(0, BANDS)) {
    const ways: number[] = up === null ? [band.angle, band.angle + Math.PI] : [Math.cos(band.angle - up) > 0 ? band.angle : band.angle + Math.PI]
    const clearest: number[] = []
    for (const angle of ways) {
      const cut = straighten(prepared, band, angle)
      const shake = shakeOf(cut)
      // The blobs' height less the widening, and less what a shake smeared across the row.
      const digitHeight = Math.max(6, band.height - 2 * JOIN_RADIUS - (shake ? shake.length * Math.abs(Math.sin(shake.angle)) : 0))
      const scale = Math.min(4, Math.max(0.5, BAND_DIGIT_HEIGHT / digitHeight))
      const lines = await ocr.readCut(await bandPng(shake ? unshaken(cut, shake) : cut, scale))
      if (take(reading, lines)) {
        reading.quarterTurns = turnsToLevel(angle)
        return
      }
      clearest.push(
        Math.max(
          0,
          ...lines
            .flat()
            .filter((word) => word.text.length >= 3)
            .map((word) => word.confidence),
        ),
      )
    }
    // Digits read upside down come out below NOISE_CONFIDENCE: a group read clearly one way and nothing the other way tells.
    if (up === null && clearest.length === 2 && Math.max(...clearest) >= MIN_CONFIDENCE && Math.min(...clearest) < NOISE_CONFIDENCE) {
      up = clearest[0]! > clearest[1]! ? ways[0]! : ways[1]!
    }
  }
}

/**
 * The number on an image, or null when no turn of it gives exactly one number by the rule above.
 * The bands first (readBands). Then the photo is read as it stands; when its lines run down the
 * image the two sideways turns are read next, otherwise the upside-down one. When the first turn's
 * page layout finds no near miss (a table's rows go missing) it is read again as sparse text (the
 * other turns no more: a card the layout takes for a picture is the bands' to read).
 * Twelve digits read clearly that fail the check digit are the number misprinted, or misread, or
 * read upside down (6 and 9 swap; 0, 1 and 8 stay): a number then counts only if read more
 * clearly than they were.
 */
export async function readMyNumber(ocr: OcrReader, image: Buffer): Promise<string | null> {
  return (await readWayUp(ocr, image)).number
}

/** readMyNumber's reading, with the quarter turns that put the image upright by the read that gave the number (0 without one). */
async function readWayUp(ocr: OcrReader, image: Buffer): Promise<{ number: string | null; quarterTurns: QuarterTurns }> {
  const reading: Reading = { numbers: [], invalid: 0, quarterTurns: 0 }
  const decided = () => {
    const number = decide(reading)
    return { number, quarterTurns: number === null ? 0 : reading.quarterTurns }
  }
  await readBands(ocr, image, reading)
  if (reading.numbers.length > 0) return decided()
  const upright = await ocr.read(image, { quarterTurns: 0 })
  let direction = runsDown(upright)
  const turns = (): QuarterTurns[] => (direction === null ? [0, 2, 1, 3] : direction ? [1, 3] : [0, 2])
  for (let index = 0; index < turns().length && reading.numbers.length === 0; index++) {
    const quarterTurns = turns()[index]!
    const lines = quarterTurns === 0 ? upright : await ocr.read(image, { quarterTurns })
    await readTurn(ocr, image, quarterTurns, lines, reading)
    if (index === 0 && reading.numbers.length === 0 && nearMisses(lines).length === 0) {
      const sparse = await ocr.read(image, { quarterTurns, sparse: true })
      await readTurn(ocr, image, quarterTurns, sparse, reading)
      if (quarterTurns === 0 && direction === null) direction = runsDown(sparse)
    }
  }
  return decided()
}

/** What the image pool answers for a number document: the number, and the image put upright when it was read only turned. */
export interface NumberReading {
  number: string | null
  upright: NormalizedImage | null
}

/**
 * The number on an image and, when it was read only with the image turned (a card held upside
 * down, straightened the wrong way round, a photo sideways without an EXIF tag), the image turned
 * upright: the way up the number reads is the document's (a card back has its number on top).
 */
export async function readNumberUpright(ocr: OcrReader, image: Buffer): Promise<NumberReading> {
  const { number, quarterTurns } = await readWayUp(ocr, image)
  return { number, upright: number !== null && quarterTurns !== 0 ? await turnImage(image, quarterTurns) : null }
}

/** Exactly one number, read more clearly than any twelve digits that failed the check digit; else none. */
function decide(reading: Reading): string | null {
  const numbers = new Set(reading.numbers.map((printed) => printed.digits))
  const [number] = numbers
  if (numbers.size !== 1 || reading.numbers.some((printed) => printed.confidence <= reading.invalid)) return null
  return number!
}
