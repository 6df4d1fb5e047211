/**
 * How sharp a band of the card is (the strip where its number is printed), measured on the
 * straightened card so the figure means the same at any distance or angle. Scouting found that
 * over the whole card the measure did not tell readable photos from unreadable ones (the photo,
 * the edges and the large print stay sharp while the small digits smear); over the number band it did.
 */
import { CARD_ASPECT, type Corners } from './geometry.ts'
import type { GreyFrame } from './grey-frame.ts'
import { applyHomography, rectangleToCorners, straightenGreyRegion, type PixelRegion } from './perspective.ts'

/** A band of the card, as fractions (0–1) of its width and height from its top-left corner. */
export interface CardBand {
  left: number
  top: number
  right: number
  bottom: number
}

/**
 * The width the card is straightened to before measuring: 7.5 px per mm, 30 px for a digit 4 mm
 * tall. A card smaller than this in the frame is scaled up, and the blur that adds counts
 * against it, as it should: its digits are that much harder to read.
 */
export const SHARPNESS_CARD_WIDTH = 640

/**
 * Variance of the Laplacian over the band of the card within `corners` (in `frame`'s pixels):
 * the higher, the sharper. Measure on the largest frame at hand (the video's own size, only the
 * bandBox of it), with the corners scaled to it: at the detector's 480 px the digits are smeared.
 * On the synthetic card 900 px wide in a 1280 × 720 frame: sharp ≈ 3500, out of focus by
 * σ = 1 px ≈ 740, 2 px ≈ 170, 3 px ≈ 60. Real frames (less contrast, more noise) need their own threshold.
 */
export function bandSharpness(frame: GreyFrame, corners: Corners, band: CardBand): number {
  const width = SHARPNESS_CARD_WIDTH
  const height = Math.round(width / CARD_ASPECT)
  const region = {
    left: Math.round(band.left * width),
    top: Math.round(band.top * height),
    right: Math.round(band.right * width),
    bottom: Math.round(band.bottom * height),
  }
  return laplacianVariance(straightenGreyRegion(frame, corners, width, height, region))
}

/**
 * The box of whole pixels of the frame that holds the band of the card within `corners`, with a
 * pixel to spare for the sampling: what to copy out of a full-size video frame (drawImage with a
 * source rectangle) to measure the band there, with the corners moved by the box's top-left.
 */
export function bandBox(corners: Corners, band: CardBand): PixelRegion {
  const onCard = rectangleToCorners(1, 1, corners)
  const ends = [
    applyHomography(onCard, band.left, band.top),
    applyHomography(onCard, band.right, band.top),
    applyHomography(onCard, band.right, band.bottom),
    applyHomography(onCard, band.left, band.bottom),
  ]
  return {
    left: Math.floor(Math.min(...ends.map(({ x }) => x))) - 1,
    top: Math.floor(Math.min(...ends.map(({ y }) => y))) - 1,
    right: Math.ceil(Math.max(...ends.map(({ x }) => x))) + 1,
    bottom: Math.ceil(Math.max(...ends.map(({ y }) => y))) + 1,
  }
}

/** Variance of the 4-neighbour Laplacian over the interior pixels (as utils/image-quality.ts, on this frame type). */
export function laplacianVariance({ width, height, data }: GreyFrame): number {
  if (width < 3 || height < 3) return 0
  let sum = 0
  let sumOfSquares = 0
  for (let y = 1; y < height - 1; y++) {
    for (let x = 1; x < width - 1; x++) {
      const i = y * width + x
      const value = data[i - 1]! + data[i + 1]! + data[i - width]! + data[i + width]! - 4 * data[i]!
      sum += value
      sumOfSquares += value * value
    }
  }
  const count = (width - 2) * (height - 2)
  const mean = sum / count
  return sumOfSquares / count - mean * mean
}
