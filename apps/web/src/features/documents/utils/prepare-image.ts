/**
 * Client-side preparation of a document photo before upload: EXIF orientation applied,
 * every metadata block (GPS!) dropped by re-encoding through a canvas, long edge capped.
 * @see ../../../../../../docs/product.md "Camera"
 */
import type { Corners } from '../capture-analysis/geometry.ts'
import { ANALYSIS_EDGE, toGrayscale, type GrayImage } from './image-quality.ts'

export const MAX_EDGE = 2000
export const JPEG_QUALITY = 0.9

/** The JPEG to upload, its size, and a small grayscale copy for the quality hints. */
export interface PreparedImage {
  jpeg: Blob
  width: number
  height: number
  /** null when the browser refuses to let the canvas be read (anti-fingerprinting). */
  gray: GrayImage | null
}

export function scaledSize(width: number, height: number, maxEdge = MAX_EDGE): { width: number; height: number } {
  const scale = Math.min(1, maxEdge / Math.max(width, height))
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) }
}

interface DecodedImage {
  source: CanvasImageSource
  width: number
  height: number
  release: () => void
}

export async function decodeImage(file: Blob): Promise<DecodedImage> {
  if (typeof createImageBitmap === 'function') {
    try {
      const bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' })
      return { source: bitmap, width: bitmap.width, height: bitmap.height, release: () => bitmap.close() }
    } catch {
      // Older Safari rejects the options bag or the format: let <img> try.
    }
  }
  return decodeWithImageElement(file)
}

/** Browsers apply EXIF orientation to <img> by default (`image-orientation: from-image`). */
function decodeWithImageElement(file: Blob): Promise<DecodedImage> {
  const url = URL.createObjectURL(file)
  const image = new Image()
  return new Promise((resolve, reject) => {
    image.onload = () => resolve({ source: image, width: image.naturalWidth, height: image.naturalHeight, release: () => URL.revokeObjectURL(url) })
    image.onerror = () => {
      URL.revokeObjectURL(url)
      reject(new Error('image could not be decoded'))
    }
    image.src = url
  })
}

export function encodeJpeg(canvas: HTMLCanvasElement): Promise<Blob> {
  return new Promise((resolve, reject) => canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('encoding failed'))), 'image/jpeg', JPEG_QUALITY))
}

/** A small grayscale copy for `assessQuality`; null if the canvas cannot be read back. */
function grayCopy(source: CanvasImageSource, width: number, height: number): GrayImage | null {
  const size = scaledSize(width, height, ANALYSIS_EDGE)
  const canvas = document.createElement('canvas')
  canvas.width = size.width
  canvas.height = size.height
  const context = canvas.getContext('2d', { willReadFrequently: true })
  if (!context) return null
  try {
    context.drawImage(source, 0, 0, size.width, size.height)
    return { data: toGrayscale(context.getImageData(0, 0, size.width, size.height).data), ...size }
  } catch {
    return null
  }
}

export async function renderJpeg(source: CanvasImageSource, width: number, height: number): Promise<PreparedImage> {
  if (width <= 0 || height <= 0) throw new Error('empty image')
  const size = scaledSize(width, height)
  const canvas = document.createElement('canvas')
  canvas.width = size.width
  canvas.height = size.height
  const context = canvas.getContext('2d')
  if (!context) throw new Error('canvas unavailable')
  context.drawImage(source, 0, 0, size.width, size.height)
  const jpeg = await encodeJpeg(canvas)
  return { jpeg, ...size, gray: grayCopy(canvas, size.width, size.height) }
}

export async function prepareImageFile(file: Blob): Promise<PreparedImage> {
  const decoded = await decodeImage(file)
  try {
    return await renderJpeg(decoded.source, decoded.width, decoded.height)
  } finally {
    decoded.release()
  }
}

/** The stream can be live a moment before its first frame is decoded: wait for it (briefly). */
function firstFrame(video: HTMLVideoElement, timeoutMs = 3000): Promise<void> {
  const HAVE_CURRENT_DATA = 2
  if (video.readyState >= HAVE_CURRENT_DATA && video.videoWidth > 0) return Promise.resolve()
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer)
      video.removeEventListener('loadeddata', done)
      resolve()
    }
    const timer = setTimeout(done, timeoutMs)
    video.addEventListener('loadeddata', done)
  })
}

/**
 * A frame of the live video; with `card` (the corners of a confidently found card, in the
 * video's pixels) only the card, straightened — otherwise the whole frame.
 */
export async function prepareVideoFrame(video: HTMLVideoElement, card?: Corners): Promise<PreparedImage> {
  await firstFrame(video)
  if (card) {
    const { straightenedCard } = await import('./straighten-frame.ts')
    const straightened = straightenedCard(video, card)
    if (straightened) return renderJpeg(straightened, straightened.width, straightened.height)
  }
  return renderJpeg(video, video.videoWidth, video.videoHeight)
}
