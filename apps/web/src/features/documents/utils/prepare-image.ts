/**
 * Client-side preparation of a document photo before upload: EXIF orientation applied,
 * every metadata block (GPS!) dropped by re-encoding through a canvas, long edge capped.
 * @see shared/PRODUCT.md "Camera"
 */
export const MAX_EDGE = 2000
export const JPEG_QUALITY = 0.9

/** How the capture step turns a file or a video frame into the JPEG it uploads. */
export interface ImageProcessor {
  fromFile: (file: Blob) => Promise<Blob>
  fromVideo: (video: HTMLVideoElement) => Promise<Blob>
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
    image.onload = () =>
      resolve({ source: image, width: image.naturalWidth, height: image.naturalHeight, release: () => URL.revokeObjectURL(url) })
    image.onerror = () => {
      URL.revokeObjectURL(url)
      reject(new Error('image could not be decoded'))
    }
    image.src = url
  })
}

export function renderJpeg(source: CanvasImageSource, width: number, height: number): Promise<Blob> {
  if (width <= 0 || height <= 0) return Promise.reject(new Error('empty image'))
  const size = scaledSize(width, height)
  const canvas = document.createElement('canvas')
  canvas.width = size.width
  canvas.height = size.height
  const context = canvas.getContext('2d')
  if (!context) return Promise.reject(new Error('canvas unavailable'))
  context.drawImage(source, 0, 0, size.width, size.height)
  return new Promise((resolve, reject) =>
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('encoding failed'))), 'image/jpeg', JPEG_QUALITY),
  )
}

export async function prepareImageFile(file: Blob): Promise<Blob> {
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

export const browserImageProcessor: ImageProcessor = {
  fromFile: prepareImageFile,
  fromVideo: async (video) => {
    await firstFrame(video)
    return renderJpeg(video, video.videoWidth, video.videoHeight)
  },
}
