import { describe, expect, it } from 'vitest'
import { SAMPLE_SIZE, frameHasContent } from './frame-content.ts'

const frame = (pixel: (i: number) => [number, number, number]) => {
  const data = new Uint8ClampedArray(SAMPLE_SIZE * SAMPLE_SIZE * 4)
  for (let i = 0; i < SAMPLE_SIZE * SAMPLE_SIZE; i++) data.set([...pixel(i), 255], i * 4)
  return data
}

describe('frameHasContent', () => {
  it('refuses a black frame, a near-black noisy one and a flat grey one', () => {
    expect(frameHasContent(frame(() => [0, 0, 0]))).toBe(false)
    expect(frameHasContent(frame((i) => [i % 7, i % 5, i % 3]))).toBe(false)
    expect(frameHasContent(frame(() => [128, 128, 128]))).toBe(false)
    expect(frameHasContent(new Uint8ClampedArray(0))).toBe(false)
  })

  it('accepts a frame with a card on a desk (light and dark areas)', () => {
    const card = frame((i) => {
      const x = i % SAMPLE_SIZE
      const y = Math.floor(i / SAMPLE_SIZE)
      return x > 4 && x < 28 && y > 8 && y < 24 ? [235, 235, 230] : [60, 50, 40]
    })
    expect(frameHasContent(card)).toBe(true)
  })
})
