/**
 * Turns an untrusted upload into a clean JPEG: type checked by content, decoded with a
 * pixel limit (decompression bombs), rotated upright from EXIF, downsized, re-encoded —
 * which drops every byte of metadata (GPS, camera, thumbnails).
 */
import { IMAGE_LIMITS } from '@bango/shared/employee-api'
import sharp from 'sharp'
import { AppError } from '../errors.ts'

const SIGNATURES: { format: string; test: (head: Buffer) => boolean }[] = [
  { format: 'jpeg', test: (h) => h[0] === 0xff && h[1] === 0xd8 && h[2] === 0xff },
  { format: 'png', test: (h) => h.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) },
  { format: 'webp', test: (h) => h.subarray(0, 4).toString('latin1') === 'RIFF' && h.subarray(8, 12).toString('latin1') === 'WEBP' },
]

export function sniffImageFormat(head: Buffer): string | null {
  return SIGNATURES.find((signature) => signature.test(head))?.format ?? null
}

export interface NormalizedImage {
  jpeg: Buffer
  width: number
  height: number
}

export async function normalizeImage(input: Buffer): Promise<NormalizedImage> {
  const format = sniffImageFormat(input)
  if (!format) throw new AppError('UNSUPPORTED_IMAGE')
  try {
    const image = sharp(input, { limitInputPixels: IMAGE_LIMITS.maxPixels, failOn: 'error', sequentialRead: true })
    const metadata = await image.metadata()
    if (metadata.format !== format) throw new AppError('UNSUPPORTED_IMAGE')
    const { data, info } = await image
      .rotate()
      .resize({ width: IMAGE_LIMITS.maxEdge, height: IMAGE_LIMITS.maxEdge, fit: 'inside', withoutEnlargement: true })
      .jpeg({ quality: 85 })
      .toBuffer({ resolveWithObject: true })
    return { jpeg: data, width: info.width, height: info.height }
  } catch (error) {
    if (error instanceof AppError) throw error
    // sharp's messages name the failure ("Input image exceeds pixel limit", "VipsJpeg: …"), never content.
    throw new AppError('UNSUPPORTED_IMAGE', { cause: error })
  }
}

/** An image we stored ourselves turned clockwise by quarter turns, re-encoded as the upload was: a card read upside down, put upright. */
export async function turnImage(jpeg: Buffer, quarterTurns: number): Promise<NormalizedImage> {
  const { data, info } = await sharp(jpeg, { failOn: 'error' })
    .rotate(quarterTurns * 90)
    .jpeg({ quality: 85 })
    .toBuffer({ resolveWithObject: true })
  return { jpeg: data, width: info.width, height: info.height }
}

/** A small re-encoded copy of an image we stored ourselves (already clean): for the employee's own preview. */
export async function thumbnailImage(jpeg: Buffer, edge: number): Promise<Buffer> {
  return sharp(jpeg, { failOn: 'error' }).resize({ width: edge, height: edge, fit: 'inside', withoutEnlargement: true }).jpeg({ quality: 70 }).toBuffer()
}
