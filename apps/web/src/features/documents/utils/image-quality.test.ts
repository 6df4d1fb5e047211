import { describe, expect, it } from 'vitest'
import { assessQuality, BLURRY_VARIANCE_BELOW, DARK_MEAN_BELOW, laplacianVariance, meanLuminance, toGrayscale, type GrayImage } from './image-quality.ts'

const SIZE = 64
const image = (pixel: (x: number, y: number) => number): GrayImage => {
  const data = new Uint8ClampedArray(SIZE * SIZE)
  for (let y = 0; y < SIZE; y++) for (let x = 0; x < SIZE; x++) data[y * SIZE + x] = pixel(x, y)
  return { data, width: SIZE, height: SIZE }
}
const uniform = (value: number) => image(() => value)
/** 4-px black and white squares: edges everywhere, like printed text. */
const checkerboard = image((x, y) => ((Math.floor(x / 4) + Math.floor(y / 4)) % 2 ? 230 : 20))
/** The same checkerboard after a 5 × 5 box blur: the edges become ramps. */
const blurred = image((x, y) => {
  let sum = 0
  for (let dy = -2; dy <= 2; dy++)
    for (let dx = -2; dx <= 2; dx++) {
      const sx = Math.min(SIZE - 1, Math.max(0, x + dx))
      const sy = Math.min(SIZE - 1, Math.max(0, y + dy))
      sum += checkerboard.data[sy * SIZE + sx] ?? 0
    }
  return sum / 25
})
const BIG = { width: 2000, height: 1500 }

describe('meanLuminance', () => {
  it('is the average brightness', () => {
    expect(meanLuminance(uniform(30).data)).toBe(30)
    expect(meanLuminance(checkerboard.data)).toBe(125)
  })
})

describe('toGrayscale', () => {
  it('weighs RGB by BT.601 luma and drops alpha', () => {
    const rgba = new Uint8ClampedArray([255, 255, 255, 255, 255, 0, 0, 255, 0, 0, 0, 0])
    expect([...toGrayscale(rgba)]).toEqual([255, 76, 0])
  })
})

describe('laplacianVariance', () => {
  it('is zero on a flat picture, high on sharp edges, low once they are blurred', () => {
    expect(laplacianVariance(uniform(128))).toBe(0)
    const sharp = laplacianVariance(checkerboard)
    const soft = laplacianVariance(blurred)
    expect(sharp).toBeGreaterThan(BLURRY_VARIANCE_BELOW * 10)
    expect(soft).toBeLessThan(sharp / 4)
  })
})

describe('assessQuality', () => {
  it('passes a sharp, bright, large photo', () => {
    expect(assessQuality(BIG, checkerboard)).toEqual([])
  })

  it('warns about a dark photo (only about the light, not also about blur)', () => {
    expect(assessQuality(BIG, uniform(DARK_MEAN_BELOW - 1))).toEqual(['dark'])
  })

  it('warns about a flat or blurred photo', () => {
    expect(assessQuality(BIG, uniform(180))).toEqual(['blurry'])
    expect(
      assessQuality(
        BIG,
        image((x, y) => 128 + Math.round(Math.sin((x + y) / 20) * 20)),
      ),
    ).toEqual(['blurry'])
  })

  it('warns about an image whose long edge is under 1000 px, whatever its orientation', () => {
    expect(assessQuality({ width: 640, height: 480 }, checkerboard)).toEqual(['small'])
    expect(assessQuality({ width: 480, height: 999 }, checkerboard)).toEqual(['small'])
    expect(assessQuality({ width: 480, height: 1000 }, checkerboard)).toEqual([])
  })

  it('judges only the size when the browser would not let the pixels be read', () => {
    expect(assessQuality({ width: 640, height: 480 }, null)).toEqual(['small'])
    expect(assessQuality(BIG, null)).toEqual([])
  })
})
