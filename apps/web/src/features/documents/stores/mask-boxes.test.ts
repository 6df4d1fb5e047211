import { describe, expect, it } from 'vitest'
import { initialMaskBoxes, maskBoxesReducer } from './mask-boxes.ts'

const a = { x: 1, y: 2, width: 30, height: 40 }
const b = { x: 50, y: 60, width: 70, height: 80 }

describe('maskBoxesReducer', () => {
  it('adds boxes in order, undoes the last one, clears them all', () => {
    let boxes = maskBoxesReducer(initialMaskBoxes, { type: 'add', box: a })
    boxes = maskBoxesReducer(boxes, { type: 'add', box: b })
    expect(boxes).toEqual([a, b])
    expect(maskBoxesReducer(boxes, { type: 'undo' })).toEqual([a])
    expect(maskBoxesReducer(boxes, { type: 'clear' })).toEqual([])
    expect(maskBoxesReducer(initialMaskBoxes, { type: 'undo' })).toEqual([])
  })

  it('never mutates the previous list (React compares by identity)', () => {
    const before = [a]
    maskBoxesReducer(before, { type: 'add', box: b })
    maskBoxesReducer(before, { type: 'undo' })
    expect(before).toEqual([a])
  })
})
