import { describe, expect, it } from 'vitest'
import { boxBetween, coveringPixels, initialKeyboardBox, isDeliberateBox, KEYBOARD_STEPS, nudgeBox, scaleBox, toImagePoint } from './mask-geometry.ts'

/** A 2000 × 1260 image shown 296 CSS px wide (a 320 px phone), 100 px from the top of the viewport. */
const image = { width: 2000, height: 1260 }
const rect = { left: 12, top: 100, width: 296, height: 186.48 }

describe('toImagePoint', () => {
  it('maps CSS pixels of the scaled canvas to image pixels', () => {
    expect(toImagePoint({ x: 12, y: 100 }, rect, image)).toEqual({ x: 0, y: 0 })
    const middle = toImagePoint({ x: 12 + 148, y: 100 + 93.24 }, rect, image)
    expect(middle.x).toBeCloseTo(1000)
    expect(middle.y).toBeCloseTo(630)
    const corner = toImagePoint({ x: 308, y: 286.48 }, rect, image)
    expect(corner.x).toBeCloseTo(2000)
    expect(corner.y).toBeCloseTo(1260)
  })

  it('clamps a drag that leaves the picture to its edge', () => {
    expect(toImagePoint({ x: -50, y: 9999 }, rect, image)).toEqual({ x: 0, y: 1260 })
  })

  it('does not divide by zero before the canvas is laid out', () => {
    expect(toImagePoint({ x: 5, y: 5 }, { left: 0, top: 0, width: 0, height: 0 }, image)).toEqual({ x: 0, y: 0 })
  })
})

describe('boxBetween', () => {
  it('normalises a box dragged in any direction', () => {
    const expected = { x: 10, y: 20, width: 90, height: 30 }
    expect(boxBetween({ x: 10, y: 20 }, { x: 100, y: 50 })).toEqual(expected)
    expect(boxBetween({ x: 100, y: 50 }, { x: 10, y: 20 })).toEqual(expected)
    expect(boxBetween({ x: 100, y: 20 }, { x: 10, y: 50 })).toEqual(expected)
    expect(boxBetween({ x: 10, y: 50 }, { x: 100, y: 20 })).toEqual(expected)
  })
})

describe('isDeliberateBox', () => {
  it('ignores a tap or a tiny slip, keeps a real drag (judged in CSS pixels)', () => {
    // 40 image px ≈ 5.9 CSS px on this phone: too small; 100 image px ≈ 14.8 CSS px: meant.
    expect(isDeliberateBox({ x: 0, y: 0, width: 40, height: 200 }, rect, image)).toBe(false)
    expect(isDeliberateBox({ x: 0, y: 0, width: 100, height: 100 }, rect, image)).toBe(true)
    expect(isDeliberateBox({ x: 0, y: 0, width: 0, height: 0 }, rect, image)).toBe(false)
  })
})

describe('coveringPixels', () => {
  it('rounds outwards so no partly covered pixel escapes, and stays inside the image', () => {
    expect(coveringPixels({ x: 10.6, y: 20.2, width: 5.1, height: 4.5 }, image)).toEqual({ x: 10, y: 20, width: 6, height: 5 })
    expect(coveringPixels({ x: 1990.5, y: -3, width: 50, height: 10 }, image)).toEqual({ x: 1990, y: 0, width: 10, height: 7 })
  })
})

describe('scaleBox', () => {
  it('carries a box to another grid of the same picture', () => {
    expect(scaleBox({ x: 100, y: 50, width: 200, height: 100 }, image, { width: 1000, height: 630 })).toEqual({ x: 50, y: 25, width: 100, height: 50 })
  })
})

describe('keyboard frame', () => {
  const step = { x: 2000 / KEYBOARD_STEPS, y: 1260 / KEYBOARD_STEPS }

  it('starts centred inside the picture', () => {
    const box = initialKeyboardBox(image)
    expect(box.x + box.width / 2).toBeCloseTo(1000)
    expect(box.y + box.height / 2).toBeCloseTo(630)
    expect(box.width).toBeGreaterThan(0)
    expect(box.height).toBeGreaterThan(0)
  })

  it('moves one step per arrow key and stops at the edges', () => {
    const box = { x: 100, y: 100, width: 400, height: 200 }
    expect(nudgeBox(box, 'ArrowRight', false, image)).toEqual({ ...box, x: 100 + step.x })
    expect(nudgeBox(box, 'ArrowUp', false, image)).toEqual({ ...box, y: 100 - step.y })
    expect(nudgeBox(box, 'ArrowLeft', false, image).x).toBe(60)
    expect(nudgeBox({ ...box, x: 10 }, 'ArrowLeft', false, image).x).toBe(0)
    expect(nudgeBox({ ...box, x: 1590 }, 'ArrowRight', false, image).x).toBe(1600)
    expect(nudgeBox({ ...box, y: 1050 }, 'ArrowDown', false, image).y).toBe(1060)
  })

  it('with Shift, grows and shrinks from the right and bottom edges, never below one step or past the picture', () => {
    const box = { x: 100, y: 100, width: 400, height: 200 }
    expect(nudgeBox(box, 'ArrowRight', true, image)).toEqual({ ...box, width: 400 + step.x })
    expect(nudgeBox(box, 'ArrowUp', true, image)).toEqual({ ...box, height: 200 - step.y })
    expect(nudgeBox({ ...box, width: step.x }, 'ArrowLeft', true, image).width).toBe(step.x)
    expect(nudgeBox({ ...box, x: 1900, width: 90 }, 'ArrowRight', true, image).width).toBe(100)
    expect(nudgeBox({ ...box, y: 1200, height: 50 }, 'ArrowDown', true, image).height).toBe(60)
  })
})
