/**
 * Whether the live camera shows something yet. A stream that has just started (or a covered lens,
 * or a camera another app holds) delivers black or flat frames; 「撮影」 waits for a frame with
 * real content, so an employee never sends a black picture.
 */

/** Side of the square the frame is scaled down to: enough for a mean and a spread, cheap every few hundred ms. */
export const SAMPLE_SIZE = 32
/** Below this mean luminance (0–255) the frame is black. */
const MIN_MEAN = 16
/** Below this standard deviation the frame is one flat colour (blank, or a lens cap). */
const MIN_SPREAD = 6

/** `rgba`: the pixels of a scaled-down frame, as `getImageData` returns them. */
export function frameHasContent(rgba: Uint8ClampedArray): boolean {
  const pixels = Math.floor(rgba.length / 4)
  if (pixels === 0) return false
  let sum = 0
  let squares = 0
  for (let i = 0; i < pixels * 4; i += 4) {
    // Rec. 601 luma: close enough to what the eye calls dark.
    const luma = 0.299 * (rgba[i] ?? 0) + 0.587 * (rgba[i + 1] ?? 0) + 0.114 * (rgba[i + 2] ?? 0)
    sum += luma
    squares += luma * luma
  }
  const mean = sum / pixels
  const spread = Math.sqrt(Math.max(0, squares / pixels - mean * mean))
  return mean >= MIN_MEAN && spread >= MIN_SPREAD
}

let canvas: HTMLCanvasElement | null = null

/** The current video frame scaled to SAMPLE_SIZE², or null while the video has no frame (or no canvas). */
export function sampleFrame(video: HTMLVideoElement): Uint8ClampedArray | null {
  if (video.readyState < 2 || video.videoWidth === 0) return null
  canvas ??= document.createElement('canvas')
  canvas.width = SAMPLE_SIZE
  canvas.height = SAMPLE_SIZE
  const context = canvas.getContext('2d', { willReadFrequently: true })
  if (!context) return null
  context.drawImage(video, 0, 0, SAMPLE_SIZE, SAMPLE_SIZE)
  return context.getImageData(0, 0, SAMPLE_SIZE, SAMPLE_SIZE).data
}
