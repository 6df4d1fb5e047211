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
  it('asks to line the card up when none is found, or one is partly out of the picture', () => {
    expect(guidanceOf(null, FRAME, false)).toBe('align')
    expect(guidanceOf(card(400, 40, 200), FRAME, true)).toBe('align')
  })

  it('asks to come closer when the card is small in the picture', () => {
    expect(guidanceOf(card(200, 100, 100), FRAME, true)).toBe('closer')
  })

  it('asks to hold still until the card has been steady, then to take the photo', () => {
    expect(guidanceOf(card(60, 30, 340), FRAME, false)).toBe('hold')
    expect(guidanceOf(card(60, 30, 340), FRAME, true)).toBe('steady')
  })
})
