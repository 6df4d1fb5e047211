/**
 * Burns the 健康保険証 masks into the pixels: the prepared JPEG is decoded, black boxes are
 * painted over it and the result re-encoded, so the upload carries no trace of what they
 * hide (a box drawn on top of the <img> in the page would hide nothing from the server).
 */
import { coveringPixels, scaleBox, type MaskBox } from './mask-geometry.ts'
import { decodeImage, encodeJpeg, type PreparedImage } from './prepare-image.ts'

export const MASK_COLOUR = '#000000'

export async function burnMasks(image: PreparedImage, boxes: readonly MaskBox[]): Promise<Blob> {
  const decoded = await decodeImage(image.jpeg)
  try {
    const size = { width: decoded.width, height: decoded.height }
    const canvas = document.createElement('canvas')
    canvas.width = size.width
    canvas.height = size.height
    const context = canvas.getContext('2d')
    if (!context) throw new Error('canvas unavailable')
    context.drawImage(decoded.source, 0, 0, size.width, size.height)
    context.fillStyle = MASK_COLOUR
    for (const box of boxes) {
      // The boxes were drawn on the prepared image; the decoder may report it in another grid.
      const pixels = coveringPixels(scaleBox(box, image, size), size)
      context.fillRect(pixels.x, pixels.y, pixels.width, pixels.height)
    }
    return await encodeJpeg(canvas)
  } finally {
    decoded.release()
  }
}
