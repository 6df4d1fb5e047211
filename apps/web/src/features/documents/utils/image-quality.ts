/**
 * Quality hints for a prepared photo (warn, never block): too dark, blurry, too small.
 * Everything here is pure arithmetic over a grayscale copy, so it runs the same in tests.
 * @see ../../../../../../docs/product.md "Camera" — warns, never blocks, on a dark, blurry or too small picture
 */
import type { Size } from './mask-geometry.ts'

/** A grayscale picture: one byte (0 = black … 255 = white) per pixel, row after row. */
export interface GrayImage {
  data: Uint8ClampedArray
  width: number
  height: number
}

export type QualityIssue = 'dark' | 'blurry' | 'small'

/**
 * The analysis copy's long edge. The blur threshold below was measured at this size, and
 * 512 px is small enough to analyse in a few milliseconds on an old phone.
 */
export const ANALYSIS_EDGE = 512

/**
 * Mean luminance below which the photo is "dark". A card on a desk under room light
 * averages 100–180; below 60 the small print of a 通知カード is hard to read.
 */
export const DARK_MEAN_BELOW = 60

/**
 * Variance of the Laplacian below which the photo is "blurry". Measured on the e2e card
 * photo at 512 px: sharp ≈ 670, Gaussian blur σ = 1 ≈ 190, σ = 2 ≈ 30 (digits smear).
 * A low threshold keeps false alarms rare: a warning that cries wolf gets ignored.
 */
export const BLURRY_VARIANCE_BELOW = 50

/**
 * Long edge (of the original) below which the photo is "too small": a card photographed
 * at under 1000 px leaves the 12-digit number only a few pixels tall.
 */
export const SMALL_LONG_EDGE_BELOW = 1000

/** ITU-R BT.601 luma of RGBA pixels (what `getImageData` returns). */
export function toGrayscale(rgba: Uint8ClampedArray): Uint8ClampedArray {
  const gray = new Uint8ClampedArray(rgba.length / 4)
  for (let i = 0, p = 0; p < gray.length; i += 4, p++) {
    gray[p] = 0.299 * (rgba[i] ?? 0) + 0.587 * (rgba[i + 1] ?? 0) + 0.114 * (rgba[i + 2] ?? 0)
  }
  return gray
}

export function meanLuminance(gray: Uint8ClampedArray): number {
  if (gray.length === 0) return 0
  let sum = 0
  for (const value of gray) sum += value
  return sum / gray.length
}

/** Variance of the 4-neighbour Laplacian over the interior pixels: low means few sharp edges. */
export function laplacianVariance({ data, width, height }: GrayImage): number {
  if (width < 3 || height < 3) return 0
  let sum = 0
  let sumOfSquares = 0
  for (let y = 1; y < height - 1; y++) {
    for (let x = 1; x < width - 1; x++) {
      const i = y * width + x
      const at = (index: number) => data[index] ?? 0
      const value = at(i - 1) + at(i + 1) + at(i - width) + at(i + width) - 4 * at(i)
      sum += value
      sumOfSquares += value * value
    }
  }
  const count = (width - 2) * (height - 2)
  const mean = sum / count
  return sumOfSquares / count - mean * mean
}

/**
 * `size` is the prepared image's: it equals the original's unless that was over 2000 px,
 * so "under 1000 px" means the same for both.
 */
export function assessQuality(size: Size, gray: GrayImage | null): QualityIssue[] {
  const issues: QualityIssue[] = []
  // No grayscale copy (a browser that blocks canvas reads): only the size can be judged.
  if (gray) {
    if (meanLuminance(gray.data) < DARK_MEAN_BELOW) issues.push('dark')
    // A dark photo is also edge-poor: one warning about the light says what to fix.
    else if (laplacianVariance(gray) < BLURRY_VARIANCE_BELOW) issues.push('blurry')
  }
  if (Math.max(size.width, size.height) < SMALL_LONG_EDGE_BELOW) issues.push('small')
  return issues
}
