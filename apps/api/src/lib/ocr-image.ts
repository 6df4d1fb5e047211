/**
 * The image tesseract reads, made from a phone's photo: upright by its EXIF tag, greyscale, at a
 * size that reads well and fast, with the light made even; then turned, and cut to a region when
 * the reading looks closer at a line.
 */
import sharp from 'sharp'

/**
 * Photos are read with their long side at 1400 px: the printed number of a card that fills even
 * 40 % of the photo is then ~25 px high, which reads well, and tesseract takes a quarter of a
 * second instead of the second it needs at 2000 px.
 */
const LONG_SIDE = 1400

/** Each pixel replaced by the brightest (`pick` = Math.max) or darkest (Math.min) pixel within `radius`. */
function extremeAround(pixels: Buffer, width: number, height: number, radius: number, pick: (a: number, b: number) => number): Buffer {
  const out = Buffer.alloc(pixels.length)
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      let extreme = pixels[y * width + x]!
      for (let dy = Math.max(0, y - radius); dy <= Math.min(height - 1, y + radius); dy++) {
        for (let dx = Math.max(0, x - radius); dx <= Math.min(width - 1, x + radius); dx++) extreme = pick(extreme, pixels[dy * width + dx]!)
      }
      out[y * width + x] = extreme
    }
  }
  return out
}

/**
 * Uneven light, a shadow edge across the digits and a pale card on a white desk all defeat the
 * one global threshold tesseract applies. Each pixel is divided by the shade of the paper around
 * it: the image with its print closed over (the brightest pixel within ~12 px, then the darkest
 * of those, which keeps the step of a shadow's edge where it is). The paper turns white and the
 * print dark wherever the light falls. Worked out at a quarter of the size, it costs ~30 ms.
 */
const STRETCH_FROM = 0.35
const STRETCH_TO = 0.85
export async function flattenIllumination(grey: Buffer, width: number, height: number): Promise<Buffer> {
  const raw = (w: number, h: number) => ({ raw: { width: w, height: h, channels: 1 as const } })
  const smallWidth = Math.max(1, Math.round(width / 4))
  const smallHeight = Math.max(1, Math.round(height / 4))
  const small = await sharp(grey, raw(width, height)).resize(smallWidth, smallHeight, { fit: 'fill' }).toColourspace('b-w').raw().toBuffer()
  const closed = extremeAround(extremeAround(small, smallWidth, smallHeight, 3, Math.max), smallWidth, smallHeight, 3, Math.min)
  const paper = await sharp(closed, raw(smallWidth, smallHeight)).resize(width, height, { fit: 'fill', kernel: 'linear' }).toColourspace('b-w').raw().toBuffer()
  const even = Buffer.alloc(grey.length)
  // Then a contrast stretch: what is left of a shadow's edge (a little darker than paper) turns white.
  for (let i = 0; i < grey.length; i++) {
    const share = grey[i]! / Math.max(paper[i]!, 24)
    even[i] = Math.min(255, Math.max(0, Math.round(((share - STRETCH_FROM) / (STRETCH_TO - STRETCH_FROM)) * 255)))
  }
  return even
}

export interface PreparedImage {
  pixels: Buffer
  width: number
  height: number
}
export interface Region {
  left: number
  top: number
  width: number
  height: number
}

/** Upright by its EXIF tag, greyscale, the long side at LONG_SIDE, the light made even. */
export async function evenGreyImage(image: Buffer): Promise<PreparedImage> {
  const { data, info } = await sharp(image, { limitInputPixels: 50_000_000 })
    .rotate()
    .greyscale()
    .resize({ width: LONG_SIDE, height: LONG_SIDE, fit: 'inside', kernel: 'lanczos3' })
    .raw()
    .toBuffer({ resolveWithObject: true })
  return { pixels: await flattenIllumination(data, info.width, info.height), width: info.width, height: info.height }
}

/** The PNG tesseract reads: turned, and cut to a region, levelled by `degrees` and enlarged when asked. */
export async function imageForTesseract(
  image: PreparedImage,
  options: { quarterTurns?: number; region?: Region; scale?: number; degrees?: number },
): Promise<Buffer> {
  const grey = { raw: { width: image.width, height: image.height, channels: 1 as const } }
  const turned = sharp(image.pixels, grey).rotate((options.quarterTurns ?? 0) * 90)
  if (!options.region) return turned.png({ compressionLevel: 1 }).toBuffer()
  const { data, info } = await turned.raw().toBuffer({ resolveWithObject: true })
  const { left, top, width, height } = options.region
  const inside = { left: Math.max(0, Math.round(left)), top: Math.max(0, Math.round(top)) }
  const region = { ...inside, width: Math.min(info.width - inside.left, Math.round(width)), height: Math.min(info.height - inside.top, Math.round(height)) }
  const cut = await sharp(data, { raw: { width: info.width, height: info.height, channels: info.channels } })
    .extract(region)
    .rotate(options.degrees ?? 0, { background: '#ffffff' })
    .raw()
    .toBuffer({ resolveWithObject: true })
  return sharp(cut.data, { raw: { width: cut.info.width, height: cut.info.height, channels: cut.info.channels } })
    .resize({ width: Math.round(region.width * (options.scale ?? 1)), kernel: 'cubic' })
    .png({ compressionLevel: 1 })
    .toBuffer()
}
