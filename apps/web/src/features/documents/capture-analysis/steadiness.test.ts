import { describe, expect, it } from 'vitest'
import type { CardOutline } from './detect-card.ts'
import type { Corners } from './geometry.ts'
import { isSteady, trackSteadiness, type Steadiness } from './steadiness.ts'

const outline = (dx: number, dy = 0): CardOutline => ({
  corners: [
    { x: 100 + dx, y: 80 + dy },
    { x: 380 + dx, y: 82 + dy },
    { x: 378 + dx, y: 258 + dy },
    { x: 98 + dx, y: 256 + dy },
  ] as Corners,
  confidence: 0.95,
  fill: 0.3,
})

/** Feeds outlines 100 ms apart from t = 0 and answers whether each frame is steady (4 px, 600 ms). */
const steadyAfterEach = (outlines: (CardOutline | null)[]) => {
  let steadiness: Steadiness = null
  return outlines.map((next, frame) => {
    steadiness = trackSteadiness(steadiness, next, frame * 100, 4)
    return isSteady(steadiness, frame * 100, 600)
  })
}

describe('steadiness', () => {
  it('is steady only once the corners have stayed within a few pixels for the hold time', () => {
    const jitter = [0, 1, -1, 2, 0, -2, 1, 0, 1].map((dx) => outline(dx, -dx))
    expect(steadyAfterEach(jitter)).toEqual([false, false, false, false, false, false, true, true, true])
  })

  it('starts again when the card moves further, or is lost for a frame', () => {
    const moved = [0, 0, 0, 0, 0, 10, 10, 10, 10, 10, 10, 10].map((dx) => outline(dx))
    expect(steadyAfterEach(moved).indexOf(true)).toBe(11)
    const lost = [outline(0), outline(0), outline(0), null, outline(0), outline(0), outline(0), outline(0), outline(0), outline(0), outline(0)]
    expect(steadyAfterEach(lost).indexOf(true)).toBe(10)
  })

  it('does not count a slow drift as still, though each frame moves less than the limit', () => {
    const drift = Array.from({ length: 20 }, (_, frame) => outline(frame * 1.5))
    expect(steadyAfterEach(drift)).not.toContain(true)
  })
})
