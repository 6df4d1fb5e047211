import { describe, expect, it } from 'vitest'
import { detectCard, isWholeCardInFrame } from './detect-card.ts'
import { distance, type Corners } from './geometry.ts'
import { greyFrameFromRgba } from './grey-frame.ts'
import { placeCard, renderScene, type SyntheticScene } from './synthetic-frames.ts'

const WIDTH = 480
const HEIGHT = 360

/** The largest distance between a found corner and the true one (pixels). */
const cornerError = (found: Corners, truth: Corners) => Math.max(...found.map((corner, i) => distance(corner, truth[i]!)))

const detect = (scene: Partial<SyntheticScene>) =>
  detectCard(greyFrameFromRgba(renderScene({ width: WIDTH, height: HEIGHT, card: null, desk: 'dark', ...scene })))

describe('detectCard', () => {
  const scenes: [string, Partial<SyntheticScene>][] = [
    ['upright on a dark desk', { card: placeCard({ x: 240, y: 180, width: 340 }) }],
    ['turned 12° on a textured desk', { card: placeCard({ x: 250, y: 175, width: 320, turnDegrees: 12 }), desk: 'textured' }],
    ['turned −30° on a wooden desk', { card: placeCard({ x: 230, y: 185, width: 300, turnDegrees: -30 }), desk: 'wood' }],
    ['leaning back (perspective), turned 5°', { card: placeCard({ x: 240, y: 180, width: 360, turnDegrees: 5, tilt: 0.2 }), desk: 'textured' }],
    ['with a printed border inside its edge', { card: placeCard({ x: 240, y: 180, width: 330, turnDegrees: -4 }), desk: 'dark', border: true }],
    ['small in the frame', { card: placeCard({ x: 200, y: 150, width: 160, turnDegrees: 8 }), desk: 'textured' }],
    ['filling the frame', { card: placeCard({ x: 240, y: 180, width: 450, turnDegrees: 1 }), desk: 'wood' }],
    ['on a white table', { card: placeCard({ x: 240, y: 180, width: 330, turnDegrees: 3 }), desk: 'white' }],
    ['held by a thumb over its bottom edge', { card: placeCard({ x: 240, y: 170, width: 340, turnDegrees: -3 }), desk: 'textured', thumb: true }],
    ['out of focus (σ = 3 px)', { card: placeCard({ x: 240, y: 180, width: 340, turnDegrees: 6 }), desk: 'textured', blur: 3 }],
  ]
  it.each(scenes)('finds the corners of a card %s to within 2 px', (_name, scene) => {
    const outline = detect(scene)
    expect(outline).not.toBeNull()
    expect(cornerError(outline!.corners, scene.card!)).toBeLessThan(2)
    expect(outline!.confidence).toBeGreaterThan(0.8)
    expect(isWholeCardInFrame(outline!, WIDTH, HEIGHT)).toBe(true)
  })

  it('finds 20 cards placed, turned, tilted and sized at random (seeded) to within 2 px', () => {
    let seed = 7
    const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647
    const desks = ['dark', 'textured', 'wood'] as const
    for (let i = 0; i < 20; i++) {
      const card = placeCard({
        x: 200 + 80 * random(),
        y: 150 + 60 * random(),
        width: 200 + 250 * random(),
        turnDegrees: 50 * random() - 25,
        tilt: 0.25 * random(),
      })
      const outline = detect({ card, desk: desks[i % 3]!, thumb: random() < 0.3, seed: i + 1 })
      expect(outline, `card ${i}`).not.toBeNull()
      expect(cornerError(outline!.corners, card), `card ${i}`).toBeLessThan(2)
    }
  }, 30_000) // 20 frames drawn and searched: seconds on a loaded 2-core machine

  it('finds a card partly off-screen, its hidden corners where they would be', () => {
    const card = placeCard({ x: 330, y: 230, width: 320, turnDegrees: -15 })
    expect(card[2].x).toBeGreaterThan(WIDTH)
    expect(card[3].y).toBeGreaterThan(HEIGHT)
    const outline = detect({ card, desk: 'textured' })
    expect(outline).not.toBeNull()
    expect(cornerError(outline!.corners, card)).toBeLessThan(3)
    expect(isWholeCardInFrame(outline!, WIDTH, HEIGHT)).toBe(false)
  })

  it('finds a card in a portrait frame (a phone held upright)', () => {
    const card = placeCard({ x: 180, y: 250, width: 330, turnDegrees: 4 })
    const outline = detectCard(greyFrameFromRgba(renderScene({ width: 360, height: 480, card, desk: 'wood' })))
    expect(cornerError(outline!.corners, card)).toBeLessThan(2)
  })

  it('gives the corners from the top-left clockwise, also for a card upside down', () => {
    const card = placeCard({ x: 240, y: 180, width: 300, turnDegrees: 180 + 10 })
    const outline = detect({ card, desk: 'textured' })
    expect(cornerError(outline!.corners, [card[2], card[3], card[0], card[1]])).toBeLessThan(2)
  })

  it('gives the fraction of the frame the card fills', () => {
    const card = placeCard({ x: 240, y: 180, width: 340 })
    const outline = detect({ card })
    expect(outline!.fill).toBeCloseTo((340 * (340 / (85.6 / 54))) / (WIDTH * HEIGHT), 2)
  })

  it('finds the card in a frame larger than it works at, in that frame’s pixels', () => {
    const card = placeCard({ x: 640, y: 360, width: 900, turnDegrees: -7 })
    const outline = detectCard(greyFrameFromRgba(renderScene({ width: 1280, height: 720, card, desk: 'textured' })))
    expect(outline).not.toBeNull()
    expect(cornerError(outline!.corners, card)).toBeLessThan(5)
  })

  it.each<[string, Partial<SyntheticScene>]>([
    ['an empty dark desk', { desk: 'dark' }],
    ['a dark frame full of sensor noise', { desk: 'dark', noise: 12 }],
    ['an empty textured desk', { desk: 'textured' }],
    ['an empty wooden desk', { desk: 'wood' }],
    ['a flat grey frame', { desk: 'flat' }],
  ])('finds nothing in %s', (_name, scene) => {
    expect(detect(scene)).toBeNull()
  })
})
