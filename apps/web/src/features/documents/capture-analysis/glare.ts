/**
 * Glare: a lamp or a window reflected in the card's laminate. Where it falls, the sensor clips
 * and the print underneath is gone; only another angle brings it back, so the employee is told
 * before the picture is taken. A share of near-white pixels does not tell glare from a white
 * card: the paper is near-white too. What does is the shape — a patch of clipped pixels, all
 * touching, brighter than the paper around it — on a card whose paper is not clipped itself (a
 * card overexposed as a whole shows no patch, and its print is still there to read).
 */
import type { Corners } from './geometry.ts'
import type { GreyFrame } from './grey-frame.ts'
import { straightenGreyRegion } from './perspective.ts'

/** The card is looked at straightened to this width (the detector's 480 px frame holds no more detail than that). */
const GLARE_CARD_WIDTH = 128
const GLARE_CARD_HEIGHT = 81
/** The rounded corners and the edge pixels, which mix in the desk, are left out. */
const INSET = 4
/** A pixel whose neighbourhood is this bright is clipped: no print can show there. */
const CLIPPED = 250
/** Paper this bright (the card's median) is clipped as a whole: a patch of glare cannot be told from it. */
const OVEREXPOSED_PAPER = 245
/** A patch covering this share of the card hides a word or a few digits: worth a retake. */
export const GLARE_SHARE = 0.015

/**
 * The share (0–1) of the card that the largest patch of clipped pixels covers; 0 when the card's
 * paper is clipped as a whole. `frame` is the detector's, `corners` the card's outline in it.
 */
export function glareShare(frame: GreyFrame, corners: Corners): number {
  const region = { left: INSET, top: INSET, right: GLARE_CARD_WIDTH - INSET, bottom: GLARE_CARD_HEIGHT - INSET }
  const card = straightenGreyRegion(frame, corners, GLARE_CARD_WIDTH, GLARE_CARD_HEIGHT, region)
  if (median(card.data) >= OVEREXPOSED_PAPER) return 0
  return largestPatch(clippedPixels(card), card.width) / (card.width * card.height)
}

/** Pixels whose 3 × 3 neighbourhood averages CLIPPED or more: single bright pixels of sensor noise do not count. */
function clippedPixels({ width, height, data }: GreyFrame): Uint8Array {
  const clipped = new Uint8Array(width * height)
  for (let y = 1; y < height - 1; y++) {
    for (let x = 1; x < width - 1; x++) {
      let sum = 0
      for (let dy = -1; dy <= 1; dy++) for (let dx = -1; dx <= 1; dx++) sum += data[(y + dy) * width + x + dx]!
      clipped[y * width + x] = sum >= 9 * CLIPPED ? 1 : 0
    }
  }
  return clipped
}

/** The pixel count of the largest 4-connected patch of set pixels. */
function largestPatch(mask: Uint8Array, width: number): number {
  const seen = new Uint8Array(mask.length)
  const stack: number[] = []
  let largest = 0
  for (let start = 0; start < mask.length; start++) {
    if (!mask[start] || seen[start]) continue
    let size = 0
    seen[start] = 1
    stack.push(start)
    while (stack.length > 0) {
      const i = stack.pop()!
      size++
      const x = i % width
      for (const next of [x > 0 ? i - 1 : -1, x < width - 1 ? i + 1 : -1, i - width, i + width]) {
        if (next >= 0 && next < mask.length && mask[next] && !seen[next]) {
          seen[next] = 1
          stack.push(next)
        }
      }
    }
    largest = Math.max(largest, size)
  }
  return largest
}

function median(values: ArrayLike<number>): number {
  const counts = new Uint32Array(256)
  for (let i = 0; i < values.length; i++) counts[values[i]!]!++
  for (let value = 0, seen = 0; value < 256; value++) if ((seen += counts[value]!) * 2 >= values.length) return value
  return 255
}
