import { describe, expect, it } from 'vitest'
import type { CardOutline } from '../capture-analysis/detect-card.ts'
import { guidanceOf } from './use-card-outline.ts'

const FRAME = { width: 480, height: 270 }
/** A card outline from its top-left corner and width, in card proportion. */
const card = (x: number, y: number, width: number): CardOutline => {
  const height = (width * 54) / 85.6
  return {
    corners: [
      { x, y },
      { x: x + width, y },
      { x: x + width, y: y + height },
      { x, y: y + height },
    ],
    confidence: 0.95,
    fill: (width * height) / (FRAME.width * FRAME.height),
  }
}

describe('guidanceOf', () => {
  const clear = { steady: true, glare: () => false, sharp: () => true }

  it('asks to line the card up when none is found, or one is partly out of the picture', () => {
    expect(guidanceOf(null, FRAME, clear)).toBe('align')
    expect(guidanceOf(card(400, 40, 200), FRAME, clear)).toBe('align')
  })

  it('asks to come closer when the card is small in the picture', () => {
    expect(guidanceOf(card(200, 100, 100), FRAME, clear)).toBe('closer')
  })

  it('asks to avoid a reflection before anything else about a card in view, held still or not', () => {
    expect(guidanceOf(card(60, 30, 340), FRAME, { ...clear, glare: () => true })).toBe('glare')
    expect(guidanceOf(card(60, 30, 340), FRAME, { ...clear, steady: false, glare: () => true })).toBe('glare')
  })

  it('asks to hold still until the card has been steady; then it is taken when its print is sharp', () => {
    const notAsked = () => {
      throw new Error('sharpness is measured only for a card held still')
    }
    expect(guidanceOf(card(60, 30, 340), FRAME, { ...clear, steady: false, sharp: notAsked })).toBe('hold')
    expect(guidanceOf(card(60, 30, 340), FRAME, clear)).toBe('steady')
    expect(guidanceOf(card(60, 30, 340), FRAME, { ...clear, sharp: () => false })).toBe('focus')
  })
})
