/**
 * The edge pixels of a grey frame, as the card detector needs them: a light blur against sensor
 * noise and desk texture, the Sobel gradient, then thinning to the crest of each edge
 * (non-maximum suppression) so a straight edge is one pixel wide and votes once per pixel.
 * Integer arithmetic and one pass per step: this runs several times a second on a phone.
 */
import type { GreyFrame } from './grey-frame.ts'

/**
 * Gradient (grey levels per pixel) below which a pixel is no edge. A card's edge against a desk
 * rises by 15 or more grey levels per pixel; against a white table by 30-odd grey levels in
 * all, which a soft focus spreads to 6–8 per pixel. Sensor noise of ±12 grey levels stays
 * under 1 after the blur, and the grain of a desk mostly under 5 (the synthetic frames).
 */
const MIN_GRADIENT = 5
/**
 * The blur below scales grey levels by 16 and Sobel by 8 more: a gradient of g grey levels per
 * pixel has a squared strength of (128 g)².
 */
const SCALE = 128
const MIN_STRENGTH = (MIN_GRADIENT * SCALE) ** 2

export interface EdgeMap {
  width: number
  height: number
  /**
   * Per pixel: 0 if no edge, else 1 + the direction of the gradient in whole degrees modulo
   * 180 (0 = across a vertical edge, 90 = across a horizontal one), the normal of the edge.
   */
  direction: Uint8Array
  /** The squared gradient of every pixel, in units of 1 / SCALE grey levels per pixel: for placing an edge between pixels. Overwritten by the next call. */
  strength: Int32Array
  /** The indices (y · width + x) of the edge pixels. */
  pixels: Int32Array
}

/**
 * Working buffers kept from one frame to the next (the detector runs several times a second:
 * this spares a phone's garbage collector about 2 MB a frame). An EdgeMap's `strength` is
 * therefore only good until the next call: detectCard is done with it by then.
 */
const buffers = { strength: new Int32Array(0), pixels: new Int32Array(0), across: new Uint16Array(0), both: new Uint16Array(0) }

export function findEdges(frame: GreyFrame): EdgeMap {
  const { width, height } = frame
  const smooth = blur(frame)
  const strength = buffers.strength.length === width * height ? buffers.strength : (buffers.strength = new Int32Array(width * height))
  for (let y = 1; y < height - 1; y++) {
    // A 3 × 3 window sliding along the row: each step reads only its new right-hand column.
    const above = (y - 1) * width
    const row = y * width
    const below = (y + 1) * width
    let topLeft = smooth[above]!
    let top = smooth[above + 1]!
    let left = smooth[row]!
    let middle = smooth[row + 1]!
    let bottomLeft = smooth[below]!
    let bottom = smooth[below + 1]!
    for (let x = 1; x < width - 1; x++) {
      const topRight = smooth[above + x + 1]!
      const right = smooth[row + x + 1]!
      const bottomRight = smooth[below + x + 1]!
      const gx = topRight + 2 * right + bottomRight - topLeft - 2 * left - bottomLeft
      const gy = bottomLeft + 2 * bottom + bottomRight - topLeft - 2 * top - topRight
      strength[row + x] = gx * gx + gy * gy
      topLeft = top
      top = topRight
      left = middle
      middle = right
      bottomLeft = bottom
      bottom = bottomRight
    }
  }

  const direction = new Uint8Array(width * height)
  const pixels = buffers.pixels.length === width * height ? buffers.pixels : (buffers.pixels = new Int32Array(width * height))
  let count = 0
  for (let y = 2; y < height - 2; y++) {
    for (let i = y * width + 2, end = y * width + width - 2; i < end; i++) {
      const s = strength[i]!
      if (s < MIN_STRENGTH) continue
      const gx = sobelX(smooth, i, width)
      const gy = sobelY(smooth, i, width)
      // Keep the pixel only if it is the strongest of the three across the edge (to 45°).
      const ax = Math.abs(gx)
      const ay = Math.abs(gy)
      let step: number
      if (ay * 2.4142 < ax) step = 1
      else if (ax * 2.4142 < ay) step = width
      else step = gx * gy > 0 ? width + 1 : width - 1
      if (s < strength[i - step]! || s <= strength[i + step]!) continue
      let degrees = Math.round((Math.atan2(gy, gx) * 180) / Math.PI)
      if (degrees < 0) degrees += 180
      if (degrees >= 180) degrees -= 180
      direction[i] = degrees + 1
      pixels[count++] = i
    }
  }
  return { width, height, direction, strength, pixels: pixels.slice(0, count) }
}

/** Sobel across and down at pixel i, as in the sliding window above. */
function sobelX(smooth: Uint16Array, i: number, width: number): number {
  return smooth[i - width + 1]! + 2 * smooth[i + 1]! + smooth[i + width + 1]! - smooth[i - width - 1]! - 2 * smooth[i - 1]! - smooth[i + width - 1]!
}

function sobelY(smooth: Uint16Array, i: number, width: number): number {
  return smooth[i + width - 1]! + 2 * smooth[i + width]! + smooth[i + width + 1]! - smooth[i - width - 1]! - 2 * smooth[i - width]! - smooth[i - width + 1]!
}

/** A [1 2 1] blur across and down (the binomial approximation of a Gaussian, σ ≈ 0.7 px), in sixteenths of a grey level. */
function blur({ width, height, data }: GreyFrame): Uint16Array {
  const across = buffers.across.length === width * height ? buffers.across : (buffers.across = new Uint16Array(width * height))
  for (let y = 0; y < height; y++) {
    const row = y * width
    across[row] = 4 * data[row]!
    across[row + width - 1] = 4 * data[row + width - 1]!
    for (let i = row + 1; i < row + width - 1; i++) across[i] = data[i - 1]! + 2 * data[i]! + data[i + 1]!
  }
  const both = buffers.both.length === width * height ? buffers.both : (buffers.both = new Uint16Array(width * height))
  for (let x = 0; x < width; x++) {
    both[x] = 4 * across[x]!
    both[(height - 1) * width + x] = 4 * across[(height - 1) * width + x]!
  }
  for (let i = width; i < (height - 1) * width; i++) both[i] = across[i - width]! + 2 * across[i]! + across[i + width]!
  return both
}
