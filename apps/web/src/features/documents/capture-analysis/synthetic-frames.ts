/**
 * Test helper: camera frames drawn by arithmetic, with the card's true corners known. A light
 * ID-1 card (rounded corners, print, a photo, a 12-digit number band, optionally a printed
 * border) on a dark, textured, wooden or white desk, turned, in perspective, partly off-screen,
 * held by a thumb, out of focus, with a lamp reflected on it; or an empty desk, or a flat grey frame. Used by the unit tests and bench/card-detection.ts,
 * and meant for the fake camera of a later Playwright test (RGBA frames convert to video frames).
 */
import { CARD_ASPECT, type Corners } from './geometry.ts'
import type { RgbaFrame } from './grey-frame.ts'
import { applyHomography, invertHomography, rectangleToCorners } from './perspective.ts'
import type { CardBand } from './sharpness.ts'

export interface SyntheticScene {
  width: number
  height: number
  /** Where the card's corners land: the top-left of its print first, then clockwise. Null: no card. */
  card: Corners | null
  /** A plain dark desk, a mottled one, wood grain, a white table (little contrast with the card), or one flat grey. */
  desk: 'dark' | 'textured' | 'wood' | 'white' | 'flat'
  /** A thumb holding the card by the middle of its bottom edge, hiding part of that edge. */
  thumb?: boolean
  /** A thin dark frame printed 1.5 mm inside the card's edge (a second, smaller card-shaped outline). */
  border?: boolean
  /** A lamp reflected in the card's laminate: centred at (u, v) mm on the card, fading out over `radius` mm, clipped in its middle. */
  glare?: { u: number; v: number; radius: number }
  /** σ of a Gaussian blur over the whole frame, in pixels: a camera out of focus. */
  blur?: number
  /** Sensor noise: each pixel off by up to this many grey levels. */
  noise?: number
  seed?: number
}

/** Where the synthetic card prints its 12 digits, as fractions of the card. */
export const SYNTHETIC_NUMBER_BAND: CardBand = { left: 5 / 85.6, top: 39 / 54, right: 58 / 85.6, bottom: 48 / 54 }

/** The corners of a card `width` pixels long centred at (x, y), turned clockwise, its top edge shortened by `tilt` (0–1) as if leaning back. */
export function placeCard({ x, y, width, turnDegrees = 0, tilt = 0 }: { x: number; y: number; width: number; turnDegrees?: number; tilt?: number }): Corners {
  const height = width / CARD_ASPECT
  const turn = (turnDegrees * Math.PI) / 180
  const top = (1 - tilt) * (width / 2)
  const bottom = (1 + tilt / 3) * (width / 2)
  const upright = [
    [-top, -height / 2 + (tilt * height) / 4],
    [top, -height / 2 + (tilt * height) / 4],
    [bottom, height / 2],
    [-bottom, height / 2],
  ]
  return upright.map(([dx, dy]) => ({ x: x + dx! * Math.cos(turn) - dy! * Math.sin(turn), y: y + dx! * Math.sin(turn) + dy! * Math.cos(turn) })) as Corners
}

export function renderScene(scene: SyntheticScene): RgbaFrame {
  const { width, height, card } = scene
  const random = seededRandom(scene.seed ?? 1)
  const desk = deskPainter(scene, random)
  const print = cardPrint(Boolean(scene.border), random)
  const frameToCard = card ? invertHomography(rectangleToCorners(85.6, 54, card)) : null
  const onThumb = card && scene.thumb ? thumbShape(card) : () => false
  const noise = scene.desk === 'flat' ? 0 : (scene.noise ?? 4)
  const data = new Uint8ClampedArray(width * height * 4)
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const background = desk(x, y)
      const sampleAt = ([sx, sy]: number[]) => {
        const onCard = frameToCard ? applyHomography(frameToCard, x + sx!, y + sy!) : null
        if (onThumb(x + sx!, y + sy!)) return THUMB
        return (onCard && print(onCard.x, onCard.y)) ?? background
      }
      // Where the four corners of the pixel show the same, so does the pixel; elsewhere (edges of the
      // card and of its print) sixteen samples, so an edge falls between pixels as in a photo.
      const corners = PIXEL_CORNERS.map(sampleAt)
      const samples = corners.every((sample) => sample === corners[0]) ? corners : SUBSAMPLES.map(sampleAt)
      const colour = [0, 0, 0]
      for (const sample of samples) for (let c = 0; c < 3; c++) colour[c]! += sample[c]! / samples.length
      const light = 0.9 + 0.15 * (x / width) // a lamp on the right
      const shine = scene.glare && frameToCard ? glareAt(scene.glare, applyHomography(frameToCard, x + 0.5, y + 0.5), onThumb(x + 0.5, y + 0.5)) : 0
      const i = (y * width + x) * 4
      for (let c = 0; c < 3; c++) data[i + c] = colour[c]! * light + shine + (random() - 0.5) * 2 * noise
      data[i + 3] = 255
    }
  }
  return scene.blur ? blurFrame({ width, height, data }, scene.blur) : { width, height, data }
}

/** How much a reflection brightens the card at `point` (mm on the card): twice white at its middle, so the middle clips. */
function glareAt(glare: NonNullable<SyntheticScene['glare']>, point: { x: number; y: number }, onThumb: boolean): number {
  if (onThumb || point.x < 0 || point.y < 0 || point.x > 85.6 || point.y > 54) return 0
  return 510 * Math.exp(-(((point.x - glare.u) ** 2 + (point.y - glare.v) ** 2) / glare.radius ** 2))
}

/** A Gaussian blur of σ pixels, across then down. */
export function blurFrame(frame: RgbaFrame, sigma: number): RgbaFrame {
  const radius = Math.ceil(3 * sigma)
  const kernel = Array.from({ length: 2 * radius + 1 }, (_, i) => Math.exp(-((i - radius) ** 2) / (2 * sigma * sigma)))
  const total = kernel.reduce((sum, value) => sum + value, 0)
  const weights = kernel.map((value) => value / total)
  const pass = (source: Uint8ClampedArray, dx: number, dy: number) => {
    const out = new Uint8ClampedArray(source.length)
    for (let y = 0; y < frame.height; y++) {
      for (let x = 0; x < frame.width; x++) {
        for (let c = 0; c < 4; c++) {
          let sum = 0
          for (let k = -radius; k <= radius; k++) {
            const sx = Math.min(frame.width - 1, Math.max(0, x + k * dx))
            const sy = Math.min(frame.height - 1, Math.max(0, y + k * dy))
            sum += weights[k + radius]! * source[(sy * frame.width + sx) * 4 + c]!
          }
          out[(y * frame.width + x) * 4 + c] = sum
        }
      }
    }
    return out
  }
  return { width: frame.width, height: frame.height, data: pass(pass(frame.data, 1, 0), 0, 1) }
}

const PIXEL_CORNERS = [
  [0.125, 0.125],
  [0.875, 0.125],
  [0.125, 0.875],
  [0.875, 0.875],
]
/** A 4 × 4 grid of points inside a pixel. */
const SUBSAMPLES = Array.from({ length: 16 }, (_, i) => [((i % 4) + 0.5) / 4, (Math.floor(i / 4) + 0.5) / 4])

type Colour = readonly [number, number, number]

const THUMB: Colour = [205, 150, 125]

/** An upright ellipse a fifth of the card long, its centre just past the middle of the card's bottom edge. */
function thumbShape([, , bottomRight, bottomLeft]: Corners): (x: number, y: number) => boolean {
  const length = Math.hypot(bottomRight.x - bottomLeft.x, bottomRight.y - bottomLeft.y)
  const centreX = (bottomRight.x + bottomLeft.x) / 2
  const centreY = (bottomRight.y + bottomLeft.y) / 2 + 0.08 * length
  return (x, y) => ((x - centreX) / (0.1 * length)) ** 2 + ((y - centreY) / (0.16 * length)) ** 2 < 1
}

function deskPainter(scene: SyntheticScene, random: () => number): (x: number, y: number) => Colour {
  if (scene.desk === 'flat') return () => [128, 128, 128]
  if (scene.desk === 'dark') return () => [52, 46, 42]
  if (scene.desk === 'white') {
    const mottle = smoothNoise(scene.width, scene.height, 16, random)
    return (x, y) => {
      const value = 196 + 12 * mottle(x, y)
      return [value, value, value * 0.97]
    }
  }
  if (scene.desk === 'wood') {
    const wobble = smoothNoise(scene.width, scene.height, 40, random)
    return (x, y) => {
      const grain = Math.sin((x * 0.9 + y * 0.2) / 6 + 4 * wobble(x, y))
      return [120 + 25 * grain, 80 + 18 * grain, 50 + 10 * grain]
    }
  }
  const coarse = smoothNoise(scene.width, scene.height, 24, random)
  const fine = smoothNoise(scene.width, scene.height, 5, random)
  return (x, y) => {
    const value = 70 + 60 * coarse(x, y) + 30 * fine(x, y)
    return [value, value * 0.95, value * 0.9]
  }
}

/** Value noise: random values 0–1 on a grid `spacing` pixels apart, interpolated between. */
function smoothNoise(width: number, height: number, spacing: number, random: () => number): (x: number, y: number) => number {
  const columns = Math.ceil(width / spacing) + 2
  const rows = Math.ceil(height / spacing) + 2
  const grid = Float32Array.from({ length: columns * rows }, random)
  return (x, y) => {
    const gx = x / spacing
    const gy = y / spacing
    const x0 = Math.floor(gx)
    const y0 = Math.floor(gy)
    const fx = gx - x0
    const fy = gy - y0
    const at = (cx: number, cy: number) => grid[cy * columns + cx]!
    const top = at(x0, y0) + fx * (at(x0 + 1, y0) - at(x0, y0))
    const bottom = at(x0, y0 + 1) + fx * (at(x0 + 1, y0 + 1) - at(x0, y0 + 1))
    return top + fy * (bottom - top)
  }
}

/** The card's face as a function of a point on it in mm (0–85.6 across, 0–54 down); null off the card. */
function cardPrint(border: boolean, random: () => number): (u: number, v: number) => Colour | null {
  // Each colour one object: renderScene compares samples by identity.
  const ink: Colour = [40, 40, 48]
  const paper: Colour = [238, 234, 228]
  const face: Colour = [170, 140, 120]
  const photoBackground: Colour = [120, 130, 150]
  const lines = Array.from({ length: 5 }, (_, row) => ({ top: 5 + row * 6, glyphs: glyphRow(4, 52, random) }))
  const digits = Array.from({ length: 12 }, () => Math.floor(random() * 10))
  return (u, v) => {
    if (u < 0 || v < 0 || u > 85.6 || v > 54 || outsideRoundedCorner(u, v)) return null
    const inBorder = u > 1.5 && u < 84.1 && v > 1.5 && v < 52.5 && !(u > 2.1 && u < 83.5 && v > 2.1 && v < 51.9)
    if (border && inBorder) return ink
    if (u > 60 && u < 80 && v > 8 && v < 34) {
      return ((u - 70) / 6) ** 2 + ((v - 19) / 8) ** 2 < 1 ? face : photoBackground
    }
    for (const line of lines) {
      if (v >= line.top && v < line.top + 2.6 && line.glyphs.some(([left, right]) => u >= left && u < right)) return ink
    }
    // The number: 12 digits of a 5 × 7 dot font, each 3.5 × 5 mm with 0.7 mm dots.
    if (v >= 41 && v < 46 && u >= 6 && u < 6 + 12 * 4.2) {
      const digit = Math.floor((u - 6) / 4.2)
      const column = Math.floor((u - 6 - digit * 4.2) / 0.7)
      const row = Math.floor((v - 41) / (5 / 7))
      if (column < 5 && DIGITS[digits[digit]!]![row]![column] === '#') return ink
    }
    return paper
  }
}

function outsideRoundedCorner(u: number, v: number): boolean {
  const radius = 3.18
  const cu = Math.min(Math.max(u, radius), 85.6 - radius)
  const cv = Math.min(Math.max(v, radius), 54 - radius)
  return (u - cu) ** 2 + (v - cv) ** 2 > radius * radius
}

/** Word-like runs of glyphs between two x positions (mm): [left, right) of each glyph. */
function glyphRow(from: number, to: number, random: () => number): [number, number][] {
  const glyphs: [number, number][] = []
  for (let u = from; u < to - 2;) {
    glyphs.push([u, u + 1.6 + random()])
    u += 2.8 + (random() < 0.2 ? 3 : 0)
  }
  return glyphs
}

const DIGITS = [
  ['.###.', '#...#', '#..##', '#.#.#', '##..#', '#...#', '.###.'],
  ['..#..', '.##..', '..#..', '..#..', '..#..', '..#..', '.###.'],
  ['.###.', '#...#', '....#', '...#.', '..#..', '.#...', '#####'],
  ['####.', '....#', '....#', '.###.', '....#', '....#', '####.'],
  ['...#.', '..##.', '.#.#.', '#..#.', '#####', '...#.', '...#.'],
  ['#####', '#....', '####.', '....#', '....#', '#...#', '.###.'],
  ['.###.', '#....', '#....', '####.', '#...#', '#...#', '.###.'],
  ['#####', '....#', '...#.', '..#..', '.#...', '.#...', '.#...'],
  ['.###.', '#...#', '#...#', '.###.', '#...#', '#...#', '.###.'],
  ['.###.', '#...#', '#...#', '.####', '....#', '....#', '.###.'],
]

/** mulberry32: a small seeded generator, so every run draws the same frames. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}
