import { describe, expect, it } from 'vitest'
import { distance, lineIntersection, lineThrough, type Corners } from './geometry.ts'
import { applyHomography, invertHomography, longSideFirst, rectangleToCorners, straightenCard } from './perspective.ts'
import { placeCard, renderScene } from './synthetic-frames.ts'

const corners: Corners = [
  { x: 52, y: 31 },
  { x: 171, y: 44 },
  { x: 160, y: 139 },
  { x: 38, y: 120 },
]

describe('rectangleToCorners', () => {
  it('maps the rectangle’s corners onto the card’s, and its centre onto where the card’s diagonals cross', () => {
    const m = rectangleToCorners(1024, 646, corners)
    const mapped = [applyHomography(m, 0, 0), applyHomography(m, 1024, 0), applyHomography(m, 1024, 646), applyHomography(m, 0, 646)]
    mapped.forEach((point, i) => expect(distance(point, corners[i]!)).toBeLessThan(1e-9))
    const crossing = lineIntersection(lineThrough(corners[0], corners[2]), lineThrough(corners[1], corners[3]))!
    expect(distance(applyHomography(m, 512, 323), crossing)).toBeLessThan(1e-9)
  })

  it('has an inverse that maps the card’s corners back onto the rectangle’s', () => {
    const back = invertHomography(rectangleToCorners(1024, 646, corners))
    expect(distance(applyHomography(back, corners[2].x, corners[2].y), { x: 1024, y: 646 })).toBeLessThan(1e-9)
    expect(distance(applyHomography(back, corners[3].x, corners[3].y), { x: 0, y: 646 })).toBeLessThan(1e-9)
  })
})

describe('straightenCard', () => {
  it('fills each pixel from the point of the photo the homography maps its centre to', () => {
    // A photo whose red is its pixel's x and green its y: bilinear sampling gives back the exact point.
    const photo = { width: 200, height: 160, data: new Uint8ClampedArray(200 * 160 * 4) }
    for (let y = 0; y < 160; y++) for (let x = 0; x < 200; x++) photo.data.set([x, y, 0, 255], (y * 200 + x) * 4)
    const card = straightenCard(photo, corners, 128, 81)
    const m = rectangleToCorners(128, 81, corners)
    for (const [x, y] of [
      [0, 0],
      [127, 0],
      [64, 40],
      [127, 80],
      [10, 70],
    ]) {
      const expected = applyHomography(m, x! + 0.5, y! + 0.5)
      const i = (y! * 128 + x!) * 4
      expect(Math.abs(card.data[i]! - (expected.x - 0.5))).toBeLessThanOrEqual(0.5)
      expect(Math.abs(card.data[i + 1]! - (expected.y - 0.5))).toBeLessThanOrEqual(0.5)
      expect(card.data[i + 3]).toBe(255)
    }
  })

  it('straightens a card photographed turned and in perspective: its print lands where it is on the card', () => {
    const card = placeCard({ x: 320, y: 240, width: 500, turnDegrees: 20, tilt: 0.2 })
    const upright = straightenCard(renderScene({ width: 640, height: 480, card, desk: 'dark' }), card, 1024, 646)
    const at = (u: number, v: number) => {
      const i = (Math.round((v / 54) * 646) * 1024 + Math.round((u / 85.6) * 1024)) * 4
      return [...upright.data.subarray(i, i + 3)]
    }
    // The synthetic card (mm from its top-left): the photo's blue-grey background at 62 × 30, paper
    // at 50 × 36 and 43 × 50, the first glyph of the first line of print at 4.8 × 6.3.
    const [red, , blue] = at(62, 30)
    expect(blue! - red!).toBeGreaterThan(20)
    expect(Math.min(...at(50, 36))).toBeGreaterThan(200)
    expect(Math.min(...at(43, 50))).toBeGreaterThan(200)
    expect(Math.max(...at(4.8, 6.3))).toBeLessThan(80)
  })
})

describe('longSideFirst', () => {
  it('keeps a card lying down as it is, and starts a card standing up at its bottom-left corner', () => {
    expect(longSideFirst(corners)).toEqual(corners)
    const standing: Corners = [
      { x: 100, y: 40 },
      { x: 160, y: 42 },
      { x: 158, y: 140 },
      { x: 98, y: 138 },
    ]
    expect(longSideFirst(standing)).toEqual([standing[3], standing[0], standing[1], standing[2]])
  })
})
