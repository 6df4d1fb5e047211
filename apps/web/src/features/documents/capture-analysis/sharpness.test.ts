import { describe, expect, it } from 'vitest'
import { detectCard } from './detect-card.ts'
import { greyFrameFromRgba } from './grey-frame.ts'
import { bandBox, bandSharpness, laplacianVariance } from './sharpness.ts'
import { SYNTHETIC_NUMBER_BAND, blurFrame, placeCard, renderScene } from './synthetic-frames.ts'

const card = placeCard({ x: 480, y: 270, width: 700, turnDegrees: 6, tilt: 0.1 })
const sharp = renderScene({ width: 960, height: 540, card, desk: 'textured' })
const frame = (blur: number) => greyFrameFromRgba(blur ? blurFrame(sharp, blur) : sharp)

describe('bandSharpness', () => {
  it('falls as the camera goes out of focus, through the corners the detector found', () => {
    const figures = [0, 1, 2, 3].map((blur) => {
      const photo = frame(blur)
      return bandSharpness(photo, detectCard(photo)!.corners, SYNTHETIC_NUMBER_BAND)
    })
    expect(figures[0]).toBeGreaterThan(2 * figures[1]!)
    expect(figures[1]).toBeGreaterThan(2 * figures[2]!)
    expect(figures[2]).toBeGreaterThan(2 * figures[3]!)
  }, 30_000) // blurred full frames drawn in the test: seconds on a loaded 2-core machine

  it('measures the band it is given: the number band is sharper than a band of plain paper below it', () => {
    const photo = frame(0)
    const paper = { left: 0.3, top: 0.9, right: 0.6, bottom: 0.96 }
    expect(bandSharpness(photo, card, SYNTHETIC_NUMBER_BAND)).toBeGreaterThan(10 * bandSharpness(photo, card, paper))
  })
})

describe('bandBox', () => {
  it('is enough of the frame to measure the band on: the same figure as on the whole frame', () => {
    const photo = frame(0)
    const box = bandBox(card, SYNTHETIC_NUMBER_BAND)
    const width = box.right - box.left
    const crop = { width, height: box.bottom - box.top, data: new Uint8Array(width * (box.bottom - box.top)) }
    for (let y = box.top; y < box.bottom; y++)
      crop.data.set(photo.data.subarray(y * photo.width + box.left, y * photo.width + box.right), (y - box.top) * width)
    const moved = card.map(({ x, y }) => ({ x: x - box.left, y: y - box.top })) as typeof card
    expect(width * crop.height).toBeLessThan(0.2 * photo.width * photo.height)
    expect(bandSharpness(crop, moved, SYNTHETIC_NUMBER_BAND)).toBeCloseTo(bandSharpness(photo, card, SYNTHETIC_NUMBER_BAND), 6)
  })
})

describe('laplacianVariance', () => {
  it('is 0 for a flat picture and grows with fine detail', () => {
    const flat = { width: 8, height: 8, data: new Uint8Array(64).fill(128) }
    const checks = { width: 8, height: 8, data: Uint8Array.from({ length: 64 }, (_, i) => (((i % 8) + Math.floor(i / 8)) % 2) * 100) }
    expect(laplacianVariance(flat)).toBe(0)
    expect(laplacianVariance(checks)).toBeGreaterThan(1000)
  })
})
