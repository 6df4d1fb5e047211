/**
 * The edge pixels of a grey frame, as the card detector needs them: a light blur against sensor
 * noise and desk texture, the Sobel gradient, then thinning to the crest of each edge
 * (non-maximum suppression) so a straight edge is one pixel wide and votes once per pixel.
 */
import type { GreyFrame } from './grey-frame.ts'

/**
 * Gradient (grey levels per pixel) below which a pixel is no edge. A card's border against a
 * desk rises by 40 or more grey levels over two or three pixels; sensor noise after the blur
 * stays under 5, and the grain of a desk mostly too.
 */
const MIN_GRADIENT = 8

export interface EdgeMap {
  width: number
  height: number
  /**
   * Per pixel: 0 if no edge, else 1 + the direction of the gradient in whole degrees modulo
   * 180 (0 = across a vertical edge, 90 = across a horizontal one), the normal of the edge.
   */
  direction: Uint8Array
  /** Gradient strength of every pixel (grey levels per pixel), for placing an edge between pixels. */
  magnitude: Float32Array
  /** The indices (y · width + x) of the edge pixels. */
  pixels: Int32Array
}

export function findEdges(frame: GreyFrame): EdgeMap {
  const { width, height } = frame
  const smooth = blur(frame)
  const gradientX = new Float32Array(width * height)
  const gradientY = new Float32Array(width * height)
  const magnitude = new Float32Array(width * height)
  for (let y = 1; y < height - 1; y++) {
    for (let x = 1; x < width - 1; x++) {
      const i = y * width + x
      const above = i - width
      const below = i + width
      // Sobel, divided by 8 so a ramp of one grey level per pixel reads 1.
      const gx = (smooth[above + 1]! + 2 * smooth[i + 1]! + smooth[below + 1]! - smooth[above - 1]! - 2 * smooth[i - 1]! - smooth[below - 1]!) / 8
      const gy = (smooth[below - 1]! + 2 * smooth[below]! + smooth[below + 1]! - smooth[above - 1]! - 2 * smooth[above]! - smooth[above + 1]!) / 8
      gradientX[i] = gx
      gradientY[i] = gy
      magnitude[i] = Math.sqrt(gx * gx + gy * gy)
    }
  }

  const direction = new Uint8Array(width * height)
  const pixels: number[] = []
  for (let y = 2; y < height - 2; y++) {
    for (let x = 2; x < width - 2; x++) {
      const i = y * width + x
      const m = magnitude[i]!
      if (m < MIN_GRADIENT) continue
      const gx = gradientX[i]!
      const gy = gradientY[i]!
      // Compare with the two neighbours across the edge (the gradient's direction, to 45°).
      const ax = Math.abs(gx)
      const ay = Math.abs(gy)
      let step: number
      if (ay < 0.4142 * ax) step = 1
      else if (ax < 0.4142 * ay) step = width
      else step = gx * gy > 0 ? width + 1 : width - 1
      if (m < magnitude[i - step]! || m <= magnitude[i + step]!) continue
      let degrees = Math.round((Math.atan2(gy, gx) * 180) / Math.PI)
      if (degrees < 0) degrees += 180
      if (degrees >= 180) degrees -= 180
      direction[i] = degrees + 1
      pixels.push(i)
    }
  }
  return { width, height, direction, magnitude, pixels: Int32Array.from(pixels) }
}

/** A [1 2 1] / 4 blur across and down (the binomial approximation of a Gaussian, σ ≈ 0.7 px). */
function blur({ width, height, data }: GreyFrame): Float32Array {
  const across = new Float32Array(width * height)
  for (let y = 0; y < height; y++) {
    const row = y * width
    across[row] = data[row]!
    across[row + width - 1] = data[row + width - 1]!
    for (let x = 1; x < width - 1; x++) across[row + x] = (data[row + x - 1]! + 2 * data[row + x]! + data[row + x + 1]!) / 4
  }
  const both = new Float32Array(width * height)
  both.set(across.subarray(0, width))
  both.set(across.subarray((height - 1) * width), (height - 1) * width)
  for (let i = width; i < (height - 1) * width; i++) both[i] = (across[i - width]! + 2 * across[i]! + across[i + width]!) / 4
  return both
}
