/**
 * The card cut out of a video frame and straightened (perspective undone) to an upright
 * rectangle of the card's proportion, at about the resolution it had in the frame. Loaded only
 * when a picture with a confident outline is taken (prepare-image.ts), with the camera's code.
 */
import { CARD_ASPECT, distance, type Corners } from '../capture-analysis/geometry.ts'
import { longSideFirst, straightenCard } from '../capture-analysis/perspective.ts'
import { MAX_EDGE } from './prepare-image.ts'

/** The straightened card on a canvas, or null when the frame cannot be read back (the whole photo is sent then). */
export function straightenedCard(video: HTMLVideoElement, corners: Corners): HTMLCanvasElement | null {
  const frame = document.createElement('canvas')
  frame.width = video.videoWidth
  frame.height = video.videoHeight
  const context = frame.getContext('2d', { willReadFrequently: true })
  if (!context) return null
  context.drawImage(video, 0, 0)
  let pixels: ImageData
  try {
    pixels = context.getImageData(0, 0, frame.width, frame.height)
  } catch {
    return null
  }
  const lying = longSideFirst(corners)
  const [topLeft, topRight, bottomRight, bottomLeft] = lying
  const width = Math.min(MAX_EDGE, Math.round(Math.max(distance(topLeft, topRight), distance(bottomLeft, bottomRight))))
  const height = Math.round(width / CARD_ASPECT)
  const card = straightenCard(pixels, lying, width, height)
  const out = document.createElement('canvas')
  out.width = width
  out.height = height
  const target = out.getContext('2d')
  if (!target) return null
  const image = target.createImageData(width, height)
  image.data.set(card.data)
  target.putImageData(image, 0, 0)
  return out
}
