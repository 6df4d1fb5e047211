/**
 * The boxes drawn on one 健康保険証 image: a plain reducer (used with `useReducer`), so undo
 * and clear are testable without a canvas.
 */
import type { MaskBox } from '../utils/mask-geometry.ts'

export type MaskBoxesAction = { type: 'add'; box: MaskBox } | { type: 'undo' } | { type: 'clear' }

export const initialMaskBoxes: readonly MaskBox[] = []

export function maskBoxesReducer(boxes: readonly MaskBox[], action: MaskBoxesAction): readonly MaskBox[] {
  switch (action.type) {
    case 'add':
      return [...boxes, action.box]
    case 'undo':
      return boxes.slice(0, -1)
    case 'clear':
      return initialMaskBoxes
  }
}
