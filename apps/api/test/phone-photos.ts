/**
 * Phone-like photos of number documents, for the reading test and the bench (bench/ocr-phone.ts):
 * a document (test/phone-documents.ts) lying on a desk among clutter, photographed at a slant,
 * turned (also by 90°, 180° and 270°), under uneven light, a shadow edge or glare, blurred,
 * shaken and JPEG-compressed. Every condition is graded by a level (0 clean … 3 hard) and drawn
 * from the photo's seed, so a photo is the same on every run. Two sets from disjoint seeds: the
 * reader is tuned on `tuning` only, and `untuned` is the one whose figures count.
 */
import sharp from 'sharp'
import { type DocumentKind, drawDocument } from './phone-documents.ts'
import { numberFromSeed } from './number-cards.ts'

export type { DocumentKind }
export const KINDS: readonly DocumentKind[] = ['card-back', 'notice-card', 'card-front', 'residence-record']
export const LEVELS = [0, 1, 2, 3] as const
export type Level = (typeof LEVELS)[number]
export type PhotoSet = 'tuning' | 'untuned'

export interface Conditions {
  /** The photo's long side in pixels, and how much of it the document fills. */
  longSide: number
  documentShare: number
  /** In-plane turn of the document on the desk, and the quarter turn of the whole photo. */
  rotateDegrees: number
  quarterTurns: 0 | 1 | 2 | 3
  /** The quarter turn is left to an EXIF orientation tag instead of being in the pixels. */
  byExif: boolean
  /** Perspective: how far (share of the document's size) the far edge shrinks. */
  tilt: number
  blurSigma: number
  motionBlur: number
  jpegQuality: number
  /** The darkest corner's light, 1 = even. */
  unevenLight: number
  /** The light left on the dark side of a shadow edge across the number, 1 = no shadow. */
  shadow: number
  glare: 'none' | 'aside' | 'over-digits'
  /** A white card on a white desk. */
  paleDesk: boolean
  clutter: number
  noise: number
}

export interface PhonePhoto {
  id: string
  set: PhotoSet
  kind: DocumentKind
  level: Level
  seed: number
  /** The 12 digits printed as the 個人番号 (the card front prints none, but has one on its back). */
  printed: string
  residentCode: string
  /** What a correct reading returns: the printed number, or null for the card front. */
  expected: string | null
  conditions: Conditions
}

/** mulberry32: a small seeded generator, so that a photo can be looked at again. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = Math.imul(state ^ (state >>> 15), 1 | state)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const between = (random: () => number, low: number, high: number) => low + random() * (high - low)

function conditionsAt(level: Level, kind: DocumentKind, random: () => number): Conditions {
  const page = kind === 'residence-record'
  const turn = Math.floor(random() * 4) as 0 | 1 | 2 | 3
  const glareRoll = random()
  return {
    longSide: [2000, 1800, 1600, 1400][level]!,
    documentShare: (page ? [0.92, 0.88, 0.84, 0.8] : [0.7, 0.6, 0.5, 0.42])[level]! + between(random, -0.03, 0.03),
    rotateDegrees: between(random, -1, 1) * [0, 3, 6, 10][level]!,
    quarterTurns: level === 0 ? 0 : level === 1 ? ([0, 0, 1, 2] as const)[turn] : turn,
    byExif: level === 1 && turn === 2,
    tilt: random() * [0, 0.04, 0.08, 0.13][level]!,
    blurSigma: [0, 0.5, 0.9, 1.3][level]!,
    motionBlur: random() < [0, 0, 0.5, 0.5][level]! ? [0, 0, 5, 9][level]! : 0,
    jpegQuality: [92, 80, 65, 50][level]!,
    unevenLight: [1, 0.8, 0.6, 0.45][level]!,
    shadow: random() < [0, 0, 0.5, 0.6][level]! ? [1, 1, 0.65, 0.5][level]! : 1,
    glare: level < 2 ? 'none' : level === 3 && glareRoll < 0.2 ? 'over-digits' : glareRoll < 0.5 ? 'aside' : 'none',
    paleDesk: level >= 2 && random() < 0.4,
    clutter: [0, 2, 4, 6][level]!,
    noise: [0, 3, 5, 8][level]!,
  }
}

/** `count` photos per level and kind. The sets share no seed: tuning 1…, untuned 100 001…. */
export function phonePhotos(set: PhotoSet, count: number): PhonePhoto[] {
  const photos: PhonePhoto[] = []
  for (const level of LEVELS) {
    for (const [kindIndex, kind] of KINDS.entries()) {
      for (let index = 0; index < count; index++) {
        const seed = (set === 'tuning' ? 1 : 100_001) + level * 10_000 + kindIndex * 1_000 + index
        const random = seededRandom(seed)
        const printed = numberFromSeed(seed)
        const residentCode = numberFromSeed(seed + 500_000).slice(0, 11)
        const expected = kind === 'card-front' ? null : printed
        photos.push({
          id: `${set}/L${level}/${kind}/${index}`,
          set,
          kind,
          level,
          seed,
          printed,
          residentCode,
          expected,
          conditions: conditionsAt(level, kind, random),
        })
      }
    }
  }
  return photos
}

/** The desk: a plain or wood-grained top with pens, coins and a receipt with short numbers on it. */
function deskSvg(width: number, height: number, conditions: Conditions, random: () => number): string {
  const colour = conditions.paleDesk ? '#f4f4f2' : ['#8b6a4a', '#3b3f45', '#c9b48f', '#6d7b86'][Math.floor(random() * 4)]!
  const parts = [`<rect width="${width}" height="${height}" fill="${colour}"/>`]
  for (let i = 0; i < 12 && !conditions.paleDesk; i++) {
    const y = random() * height
    parts.push(
      `<path d="M0 ${y} C ${width / 3} ${y + 40} ${(2 * width) / 3} ${y - 40} ${width} ${y}" stroke="#000" stroke-opacity="0.08" stroke-width="${2 + random() * 6}" fill="none"/>`,
    )
  }
  for (let i = 0; i < conditions.clutter; i++) {
    const x = random() * width
    const y = random() * height
    const item = i % 3
    if (item === 0)
      parts.push(
        `<rect x="${x}" y="${y}" width="${width * 0.3}" height="${width * 0.015}" rx="8" fill="#1d3f8f" transform="rotate(${random() * 180} ${x} ${y})"/>`,
      )
    if (item === 1) parts.push(`<circle cx="${x}" cy="${y}" r="${width * 0.025}" fill="#b08d57" stroke="#6e5530" stroke-width="3"/>`)
    if (item === 2) {
      const size = width * 0.012
      const lines = [
        '領収書',
        `TEL 03-${1000 + Math.floor(random() * 9000)}-${1000 + Math.floor(random() * 9000)}`,
        `合計 ¥${Math.floor(random() * 9000)}`,
        '2024/05/01 12:34',
      ]
      parts.push(`<g transform="rotate(${between(random, -30, 30)} ${x} ${y})"><rect x="${x}" y="${y}" width="${size * 16}" height="${size * 9}" fill="#fbfbf8"/>
        ${lines.map((line, n) => `<text x="${x + size}" y="${y + size * (2 + n * 2)}" font-family="DejaVu Sans Mono" font-size="${size}" fill="#333">${line}</text>`).join('')}</g>`)
    }
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">${parts.join('')}</svg>`
}

type Point = [number, number]

/** The homography taking `from[i]` to `to[i]` (8 unknowns, 8 equations, Gaussian elimination). */
function homography(from: Point[], to: Point[]): number[] {
  const rows: number[][] = []
  for (let i = 0; i < 4; i++) {
    const [x, y] = from[i]!
    const [u, v] = to[i]!
    rows.push([x, y, 1, 0, 0, 0, -u * x, -u * y, u])
    rows.push([0, 0, 0, x, y, 1, -v * x, -v * y, v])
  }
  for (let column = 0; column < 8; column++) {
    const pivot = rows.slice(column).reduce((best, row, i) => (Math.abs(row[column]!) > Math.abs(rows[best]![column]!) ? column + i : best), column)
    ;[rows[column], rows[pivot]] = [rows[pivot]!, rows[column]!]
    for (let row = 0; row < 8; row++) {
      if (row === column) continue
      const factor = rows[row]![column]! / rows[column]![column]!
      for (let k = column; k < 9; k++) rows[row]![k]! -= factor * rows[column]![k]!
    }
  }
  return [...rows.map((row, i) => row[8]! / row[i]!), 1]
}

const project = (h: number[], [x, y]: Point): Point => {
  const w = h[6]! * x + h[7]! * y + 1
  return [(h[0]! * x + h[1]! * y + h[2]!) / w, (h[3]! * x + h[4]! * y + h[5]!) / w]
}

/** The photo, as a phone would upload it (JPEG, maybe with an EXIF orientation tag). */
export async function renderPhonePhoto(photo: PhonePhoto): Promise<Buffer> {
  const c = photo.conditions
  const random = seededRandom(photo.seed * 7 + 3)
  const drawing = drawDocument(photo.kind, { printed: photo.printed, residentCode: photo.residentCode, pick: random })
  const portrait = drawing.height > drawing.width
  const width = portrait ? Math.round(c.longSide * 0.75) : c.longSide
  const height = portrait ? c.longSide : Math.round(c.longSide * 0.75)
  // The document's corners on the photo: scaled, turned, the far (top) edge shrunk by the tilt.
  const scale = (portrait ? height / drawing.height : width / drawing.width) * c.documentShare
  const angle = (c.rotateDegrees * Math.PI) / 180
  const centre: Point = [width / 2 + between(random, -0.05, 0.05) * width, height / 2 + between(random, -0.04, 0.04) * height]
  const shrink = c.tilt * drawing.width * 0.5
  const flat: Point[] = [
    [shrink, 0],
    [drawing.width - shrink, 0],
    [drawing.width, drawing.height],
    [0, drawing.height],
  ]
  const corners = flat.map(([x, y]): Point => {
    const dx = (x - drawing.width / 2) * scale
    const dy = (y - drawing.height / 2) * scale * (1 - c.tilt * 0.5)
    return [centre[0] + dx * Math.cos(angle) - dy * Math.sin(angle), centre[1] + dx * Math.sin(angle) + dy * Math.cos(angle)]
  })
  const docWidth = Math.ceil(drawing.width * scale * 1.2)
  const docHeight = Math.ceil((drawing.height / drawing.width) * docWidth)
  const svg = drawing.svg.replace(/width="\d+" height="\d+"/, `width="${docWidth}" height="${docHeight}"`)
  const documentPixels = await sharp(Buffer.from(svg)).ensureAlpha().raw().toBuffer()
  const desk = await sharp(Buffer.from(deskSvg(width, height, c, random)))
    .removeAlpha()
    .raw()
    .toBuffer()
  const toDocument = homography(
    corners,
    flat.map(([x, y]): Point => [(x / drawing.width) * docWidth, (y / drawing.height) * docHeight]),
  )
  const toPhoto = homography(
    flat.map(([x, y]): Point => [x, y]),
    corners,
  )
  const box = drawing.numberBox
  const digits = project(toPhoto, [box.x + box.width / 2, box.y + box.height / 2])
  const digitsHeight = box.height * scale
  // Light: a gradient across the photo, a shadow edge through the number, glare (a soft white spot).
  const lightAngle = random() * Math.PI * 2
  const shadowAngle = random() * Math.PI
  const glareAt: Point =
    c.glare === 'over-digits' ? digits : [digits[0] + (random() < 0.5 ? -1 : 1) * width * 0.3, digits[1] + between(random, -0.2, 0.2) * height]
  const glareRadius = digitsHeight * 2.2
  let noiseState = photo.seed
  const out = Buffer.alloc(width * height * 3)
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const o = (y * width + x) * 3
      let [r, g, b] = [desk[o]!, desk[o + 1]!, desk[o + 2]!]
      const [u, v] = project(toDocument, [x, y])
      if (u >= 0 && v >= 0 && u < docWidth - 1 && v < docHeight - 1) {
        const d = (Math.round(v) * docWidth + Math.round(u)) * 4
        const alpha = documentPixels[d + 3]! / 255
        r = r * (1 - alpha) + documentPixels[d]! * alpha
        g = g * (1 - alpha) + documentPixels[d + 1]! * alpha
        b = b * (1 - alpha) + documentPixels[d + 2]! * alpha
      }
      const across = ((x - width / 2) * Math.cos(lightAngle) + (y - height / 2) * Math.sin(lightAngle)) / Math.max(width, height) + 0.5
      let light = 1 - (1 - c.unevenLight) * Math.min(1, Math.max(0, across))
      if (c.shadow < 1) {
        const side = (x - digits[0]) * Math.cos(shadowAngle) + (y - digits[1]) * Math.sin(shadowAngle)
        light *= c.shadow + (1 - c.shadow) / (1 + Math.exp(-side / 3))
      }
      let glare = 0
      if (c.glare !== 'none') glare = 0.97 * Math.exp(-((x - glareAt[0]) ** 2 / 2.5 + (y - glareAt[1]) ** 2) / (glareRadius * glareRadius))
      noiseState = (noiseState * 1103515245 + 12345) % 2147483648
      const noise = c.noise * ((noiseState / 2147483648) * 2 - 1) * 1.7
      out[o] = Math.min(255, Math.max(0, r * light + (255 - r * light) * glare + noise))
      out[o + 1] = Math.min(255, Math.max(0, g * light + (255 - g * light) * glare + noise))
      out[o + 2] = Math.min(255, Math.max(0, b * light + (255 - b * light) * glare + noise))
    }
  }
  let image = sharp(out, { raw: { width, height, channels: 3 } })
  if (c.blurSigma > 0) image = sharp(await image.blur(c.blurSigma).raw().toBuffer(), { raw: { width, height, channels: 3 } })
  if (c.motionBlur > 0) {
    const size = c.motionBlur
    const kernel = Array.from({ length: size * size }, (_, i) => (Math.floor(i / size) === i % size ? 1 : 0))
    image = sharp(await image.convolve({ width: size, height: size, kernel }).raw().toBuffer(), { raw: { width, height, channels: 3 } })
  }
  // A photo turned by EXIF keeps its pixels as the sensor saw them and a tag that turns them back.
  const turned = await image
    .rotate(((c.byExif ? 4 - c.quarterTurns : c.quarterTurns) % 4) * 90)
    .jpeg({ quality: c.jpegQuality })
    .toBuffer()
  return c.byExif
    ? sharp(turned)
        .withMetadata({ orientation: c.quarterTurns === 2 ? 3 : c.quarterTurns === 1 ? 6 : 8 })
        .jpeg({ quality: 95 })
        .toBuffer()
    : turned
}
