/**
 * Geometry of the 健康保険証 masking tool: pointer positions arrive in CSS pixels of the
 * (scaled) canvas; boxes are kept in pixels of the prepared image, which is what gets burnt.
 * @see ../../../../../../docs/product.md "5. The identity document"
 */
export interface Point {
  x: number
  y: number
}
export interface Size {
  width: number
  height: number
}
/** A rectangle in image pixels, always with a non-negative width and height. */
export interface MaskBox {
  x: number
  y: number
  width: number
  height: number
}
/** What `getBoundingClientRect()` reports for the canvas. */
export interface ClientRect {
  left: number
  top: number
  width: number
  height: number
}

/**
 * A drag shorter than this (in CSS pixels, either way) is a tap or a slip of the finger,
 * not a box: on a 320 px screen a 保険者番号 is still ~40 px wide, so nothing real is lost.
 */
export const MIN_BOX_EDGE_CSS_PX = 8

const clamp = (value: number, max: number) => Math.min(max, Math.max(0, value))

/** Pointer position (viewport CSS px) → image pixel, clamped so a drag past the edge stops at it. */
export function toImagePoint(pointer: Point, rect: ClientRect, image: Size): Point {
  if (rect.width <= 0 || rect.height <= 0) return { x: 0, y: 0 }
  return {
    x: clamp(((pointer.x - rect.left) / rect.width) * image.width, image.width),
    y: clamp(((pointer.y - rect.top) / rect.height) * image.height, image.height),
  }
}

/** The box spanned by two corners, whichever way the finger went. */
export function boxBetween(a: Point, b: Point): MaskBox {
  return { x: Math.min(a.x, b.x), y: Math.min(a.y, b.y), width: Math.abs(a.x - b.x), height: Math.abs(a.y - b.y) }
}

/** Large enough on screen to be meant: the threshold is in CSS px, converted with the display scale. */
export function isDeliberateBox(box: MaskBox, rect: ClientRect, image: Size): boolean {
  if (rect.width <= 0 || rect.height <= 0) return false
  const cssWidth = (box.width / image.width) * rect.width
  const cssHeight = (box.height / image.height) * rect.height
  return cssWidth >= MIN_BOX_EDGE_CSS_PX && cssHeight >= MIN_BOX_EDGE_CSS_PX
}

/**
 * Whole pixels that cover the box completely (rounded outwards): a half-covered edge pixel
 * of a digit would otherwise survive the burn-in.
 */
export function coveringPixels(box: MaskBox, image: Size): MaskBox {
  const left = Math.floor(clamp(box.x, image.width))
  const top = Math.floor(clamp(box.y, image.height))
  const right = Math.ceil(clamp(box.x + box.width, image.width))
  const bottom = Math.ceil(clamp(box.y + box.height, image.height))
  return { x: left, y: top, width: right - left, height: bottom - top }
}

/** The same box in another pixel grid of the same picture (display canvas, decoded bitmap). */
export function scaleBox(box: MaskBox, from: Size, to: Size): MaskBox {
  const sx = to.width / from.width
  const sy = to.height / from.height
  return { x: box.x * sx, y: box.y * sy, width: box.width * sx, height: box.height * sy }
}

/**
 * Keyboard masking (a PC without a mouse, or a user who cannot drag): a frame the arrow keys
 * move and Shift + arrow keys resize, in steps of 1/50 of the picture.
 */
export const KEYBOARD_STEPS = 50

export type ArrowKey = 'ArrowLeft' | 'ArrowRight' | 'ArrowUp' | 'ArrowDown'
export const isArrowKey = (key: string): key is ArrowKey => key === 'ArrowLeft' || key === 'ArrowRight' || key === 'ArrowUp' || key === 'ArrowDown'

/** Where the keyboard frame starts: centred, about the size of a 記号・番号 line. */
export function initialKeyboardBox(image: Size): MaskBox {
  const width = image.width * 0.3
  const height = image.height * 0.12
  return { x: (image.width - width) / 2, y: (image.height - height) / 2, width, height }
}

/** One arrow key press: moves the frame (or, with `resize`, moves its right/bottom edge), never past the picture. */
export function nudgeBox(box: MaskBox, key: ArrowKey, resize: boolean, image: Size): MaskBox {
  const horizontal = key === 'ArrowLeft' || key === 'ArrowRight'
  const sign = key === 'ArrowLeft' || key === 'ArrowUp' ? -1 : 1
  const step = (horizontal ? image.width : image.height) / KEYBOARD_STEPS
  if (resize) {
    if (horizontal) return { ...box, width: Math.min(image.width - box.x, Math.max(step, box.width + sign * step)) }
    return { ...box, height: Math.min(image.height - box.y, Math.max(step, box.height + sign * step)) }
  }
  if (horizontal) return { ...box, x: clamp(box.x + sign * step, image.width - box.width) }
  return { ...box, y: clamp(box.y + sign * step, image.height - box.height) }
}
