import { describe, expect, it } from 'vitest'
import { detectCard } from './detect-card.ts'
import { GLARE_SHARE, glareShare } from './glare.ts'
import { greyFrameFromRgba } from './grey-frame.ts'
import { placeCard, renderScene, type SyntheticScene } from './synthetic-frames.ts'

/** The glare share as the camera measures it: on the detector's frame, over the outline it found. */
function measured(scene: Partial<SyntheticScene>): number {
  const frame = greyFrameFromRgba(renderScene({ width: 480, height: 360, card: null, desk: 'dark', ...scene }))
  const outline = detectCard(frame)
  expect(outline).not.toBeNull()
  return glareShare(frame, outline!.corners)
}

describe('glareShare', () => {
  const card = placeCard({ x: 240, y: 180, width: 340, turnDegrees: 6 })

  it.each<[string, Partial<SyntheticScene>]>([
    ['over the number', { card, glare: { u: 20, v: 43, radius: 5 } }],
    [
      'over the photo, the card tilted on a white table',
      { card: placeCard({ x: 240, y: 180, width: 330, tilt: 0.2 }), desk: 'white', glare: { u: 70, v: 20, radius: 5 } },
    ],
    ['large and soft, the card held by a thumb', { card, desk: 'textured', thumb: true, glare: { u: 45, v: 25, radius: 9 } }],
  ])('finds a reflection %s', (_name, scene) => {
    expect(measured(scene)).toBeGreaterThanOrEqual(GLARE_SHARE)
  })

  it.each<[string, Partial<SyntheticScene>]>([
    ['on a dark desk', { card }],
    ['on a white table', { card, desk: 'white' }],
    ['with a printed border, on wood', { card, desk: 'wood', border: true }],
    ['near the lamp side of the frame', { card: placeCard({ x: 300, y: 180, width: 340 }), desk: 'textured' }],
    ['out of focus', { card, blur: 2 }],
    ['with a pinpoint reflection that hides nothing', { card, glare: { u: 40, v: 15, radius: 1.5 } }],
  ])('finds none on a card %s', (_name, scene) => {
    expect(measured(scene)).toBeLessThan(GLARE_SHARE)
  })
})
