/**
 * Straightening a card photographed at an angle: the homography (projective transform) from an
 * upright rectangle to the card's four corners, and a warp that fills the rectangle by sampling
 * the photo through it. Canvas 2D only has affine transforms, so this is done by hand.
 * @see Heckbert, "Fundamentals of Texture Mapping and Image Warping" (1989), §2.2.3, square to quadrilateral
 */
import { distance, type Corners, type Point } from './geometry.ts'
import type { GreyFrame, RgbaFrame } from './grey-frame.ts'

/** A 3 × 3 matrix, row after row, acting on (x, y, 1). */
export type Homography = [number, number, number, number, number, number, number, number, number]

/** A part of the straightened card, in its pixels: [left, right) × [top, bottom). */
export interface PixelRegion {
  left: number
  top: number
  right: number
  bottom: number
}

/** Maps (0, 0), (width, 0), (width, height), (0, height) onto the corners, in that order. */
export function rectangleToCorners(width: number, height: number, corners: Corners): Homography {
  const [p0, p1, p2, p3] = corners
  const sx = p0.x - p1.x + p2.x - p3.x
  const sy = p0.y - p1.y + p2.y - p3.y
  const dx1 = p1.x - p2.x
  const dx2 = p3.x - p2.x
  const dy1 = p1.y - p2.y
  const dy2 = p3.y - p2.y
  const determinant = dx1 * dy2 - dx2 * dy1
  const g = determinant === 0 ? 0 : (sx * dy2 - dx2 * sy) / determinant
  const h = determinant === 0 ? 0 : (dx1 * sy - sx * dy1) / determinant
  // The unit square onto the corners, after scaling the rectangle down to the unit square.
  return [
    (p1.x - p0.x + g * p1.x) / width,
    (p3.x - p0.x + h * p3.x) / height,
    p0.x,
    (p1.y - p0.y + g * p1.y) / width,
    (p3.y - p0.y + h * p3.y) / height,
    p0.y,
    g / width,
    h / height,
    1,
  ]
}

export function applyHomography(m: Homography, x: number, y: number): Point {
  const w = m[6] * x + m[7] * y + m[8]
  return { x: (m[0] * x + m[1] * y + m[2]) / w, y: (m[3] * x + m[4] * y + m[5]) / w }
}

/** The inverse transform (the adjugate: a homography is defined up to scale). */
export function invertHomography(m: Homography): Homography {
  const [a, b, c, d, e, f, g, h, i] = m
  return [e * i - f * h, c * h - b * i, b * f - c * e, f * g - d * i, a * i - c * g, c * d - a * f, d * h - e * g, b * g - a * h, a * e - b * d]
}

/**
 * The corners in an order whose first side runs along the card's long edge, so a card held
 * upright (taller than wide in the photo) straightens lying down instead of squashed: its left
 * side becomes the top. Whether its print then reads upright depends on how it was held.
 */
export function longSideFirst(corners: Corners): Corners {
  const [topLeft, topRight, bottomRight, bottomLeft] = corners
  const across = distance(topLeft, topRight) + distance(bottomLeft, bottomRight)
  const down = distance(topLeft, bottomLeft) + distance(topRight, bottomRight)
  return across >= down ? corners : [bottomLeft, topLeft, topRight, bottomRight]
}

/** The card inside `corners` of the photo, straightened to width × height (e.g. 1024 × 646), by bilinear sampling. */
export function straightenCard(photo: RgbaFrame, corners: Corners, width: number, height: number): RgbaFrame {
  const data = new Uint8ClampedArray(width * height * 4)
  warp(photo.data, photo.width, photo.height, 4, rectangleToCorners(width, height, corners), { left: 0, top: 0, right: width, bottom: height }, data)
  return { width, height, data }
}

/** A part of the grey card straightened to width × height: only the region's pixels are sampled (a band costs a band). */
export function straightenGreyRegion(frame: GreyFrame, corners: Corners, width: number, height: number, region: PixelRegion): GreyFrame {
  const data = new Uint8Array((region.right - region.left) * (region.bottom - region.top))
  warp(frame.data, frame.width, frame.height, 1, rectangleToCorners(width, height, corners), region, data)
  return { width: region.right - region.left, height: region.bottom - region.top, data }
}

/**
 * Fills `out` (the region's pixels, row after row) with the source sampled at the centre of each
 * pixel mapped through m. A point outside the source takes the nearest edge pixel's value.
 */
function warp(
  source: ArrayLike<number>,
  sourceWidth: number,
  sourceHeight: number,
  channels: number,
  m: Homography,
  region: PixelRegion,
  out: Uint8Array | Uint8ClampedArray,
): void {
  let o = 0
  for (let y = region.top; y < region.bottom; y++) {
    for (let x = region.left; x < region.right; x++) {
      const w = m[6] * (x + 0.5) + m[7] * (y + 0.5) + m[8]
      // Back to the source's pixel grid, whose centres are at half pixels.
      const sx = Math.min(sourceWidth - 1, Math.max(0, (m[0] * (x + 0.5) + m[1] * (y + 0.5) + m[2]) / w - 0.5))
      const sy = Math.min(sourceHeight - 1, Math.max(0, (m[3] * (x + 0.5) + m[4] * (y + 0.5) + m[5]) / w - 0.5))
      const x0 = Math.min(sourceWidth - 2, Math.floor(sx))
      const y0 = Math.min(sourceHeight - 2, Math.floor(sy))
      const fx = sx - x0
      const fy = sy - y0
      const topLeft = (y0 * sourceWidth + x0) * channels
      const bottomLeft = topLeft + sourceWidth * channels
      for (let c = 0; c < channels; c++) {
        const top = source[topLeft + c]! + fx * (source[topLeft + channels + c]! - source[topLeft + c]!)
        const bottom = source[bottomLeft + c]! + fx * (source[bottomLeft + channels + c]! - source[bottomLeft + c]!)
        out[o++] = Math.round(top + fy * (bottom - top))
      }
    }
  }
}
