/** Real test images made with sharp: a card-like picture, optionally with EXIF orientation and GPS. */
import sharp from 'sharp'

export async function cardPhoto(options: { width?: number; height?: number; orientation?: number; gps?: boolean; format?: 'jpeg' | 'png' } = {}) {
  const { width = 640, height = 400 } = options
  // Left half dark, right half light: lets a test see whether the image was rotated.
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><rect width="${width / 2}" height="${height}" fill="#102030"/><rect x="${width / 2}" width="${width / 2}" height="${height}" fill="#f0e0d0"/></svg>`
  let image = sharp(Buffer.from(svg))
  if (options.format === 'png') return image.png().toBuffer()
  const exif: Record<string, Record<string, string>> = { IFD0: { Make: 'BangoTestCamera', Model: 'Secret Model 9000' } }
  if (options.gps) exif.IFD3 = { GPSLatitudeRef: 'N', GPSLatitude: '35/1 41/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '139/1 46/1 0/1' }
  image = image.jpeg().withExif(exif)
  if (options.orientation) image = image.withMetadata({ orientation: options.orientation })
  return image.toBuffer()
}
