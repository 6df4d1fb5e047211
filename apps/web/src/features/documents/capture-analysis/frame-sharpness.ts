/**
 * How sharp the card's print is in a live frame, measured at the camera's own resolution: the
 * card's box is copied out of the full-size video, and the sharpest of its horizontal bands
 * counts — the band with the most print, where the number is on every card kind, whichever it
 * is. Over the whole card the figure did not tell readable photos from unreadable ones (blank
 * areas dilute it); over a band of print it did.
 */
import type { Corners } from './geometry.ts'
import { greyFrameFromRgba } from './grey-frame.ts'
import { bandBox, bandSharpness } from './sharpness.ts'

/** Four bands across the card, top to bottom. */
const BANDS = [0, 0.25, 0.5, 0.75].map((top) => ({ left: 0.04, top, right: 0.96, bottom: top + 0.25 }))

/** The sharpest band's variance of the Laplacian, for the card within `corners` (video pixels); 0 when the frame cannot be read. */
export function cardPrintSharpness(video: HTMLVideoElement, corners: Corners, canvas: HTMLCanvasElement): number {
  const box = bandBox(corners, { left: 0, top: 0, right: 1, bottom: 1 })
  const left = Math.max(0, box.left)
  const top = Math.max(0, box.top)
  const width = Math.min(video.videoWidth, box.right) - left
  const height = Math.min(video.videoHeight, box.bottom) - top
  if (width < 3 || height < 3) return 0
  canvas.width = width
  canvas.height = height
  const context = canvas.getContext('2d', { willReadFrequently: true })
  if (!context) return 0
  context.drawImage(video, left, top, width, height, 0, 0, width, height)
  const frame = greyFrameFromRgba(context.getImageData(0, 0, width, height))
  const shifted = corners.map(({ x, y }) => ({ x: x - left, y: y - top })) as Corners
  return Math.max(...BANDS.map((band) => bandSharpness(frame, shifted, band)))
}
