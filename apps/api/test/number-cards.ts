/**
 * Card-like images with a printed My Number, for the OCR test and bench: a pale coloured card,
 * a label, the number in three groups, some other print, and per variant a font, a size, a
 * slight rotation and noise. Rendered with sharp from SVG (librsvg), JPEG as a phone sends it.
 */
import sharp from 'sharp'
import { myNumberCheckDigit } from '@bango/shared/my-number'

const FONTS = ['DejaVu Sans', 'DejaVu Sans Mono', 'DejaVu Serif', 'Liberation Sans', 'sans-serif']
const BACKGROUNDS = ['#f4efe1', '#e8f0f7', '#f7e9ec', '#eef5e6', '#ffffff']

/**
 * A valid number from a seed (deterministic, so a failing card can be looked at again), every digit
 * equally likely. The generator is multiplied in 32-bit integers (Math.imul): in floating point its
 * products ran past 2^53 and lost their low bits, and every digit came out even.
 */
export function numberFromSeed(seed: number): string {
  let state = Math.imul(seed, 2654435761) >>> 0
  let first11 = ''
  for (let i = 0; i < 11; i++) {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0
    // The high bits: an LCG's low bits repeat with a short period.
    first11 += String(Math.floor((state / 4294967296) * 10))
  }
  return first11 + String(myNumberCheckDigit(first11))
}

export interface CardVariant {
  number: string
  font: string
  fontSize: number
  rotateDegrees: number
  noise: number
  background: string
}

export function cardVariant(index: number): CardVariant {
  return {
    number: numberFromSeed(index + 1),
    font: FONTS[index % FONTS.length]!,
    fontSize: 44 + (index % 4) * 8,
    rotateDegrees: ((index % 7) - 3) * 0.8,
    noise: (index % 3) * 18,
    background: BACKGROUNDS[index % BACKGROUNDS.length]!,
  }
}

export async function renderCard(variant: CardVariant): Promise<Buffer> {
  const width = 1000
  const height = 630
  const grouped = variant.number.replace(/(\d{4})(?=\d)/g, '$1 ')
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
    <rect width="100%" height="100%" rx="36" fill="${variant.background}" stroke="#8a8a8a" stroke-width="4"/>
    <rect x="0" y="0" width="${width}" height="90" fill="#c9d6e3"/>
    <text x="40" y="60" font-family="${variant.font}" font-size="34" fill="#334">INDIVIDUAL NUMBER CARD</text>
    <text x="60" y="250" font-family="${variant.font}" font-size="28" fill="#555">Individual Number</text>
    <text x="60" y="${250 + variant.fontSize + 30}" font-family="${variant.font}" font-size="${variant.fontSize}" fill="#111" letter-spacing="4">${grouped}</text>
    <text x="60" y="540" font-family="${variant.font}" font-size="26" fill="#666">Name BANGO TARO   Date of birth 1980</text>
  </svg>`
  let card = sharp(Buffer.from(svg)).flatten({ background: '#777777' })
  if (variant.noise > 0) {
    const noise = Buffer.alloc(width * height)
    let state = variant.number.charCodeAt(3) * 7919
    for (let i = 0; i < noise.length; i++) {
      state = (state * 1103515245 + 12345) % 2147483648
      noise[i] = (state >> 16) % 256 < 128 ? 128 - (state % variant.noise) : 128 + (state % variant.noise)
    }
    const layer = await sharp(noise, { raw: { width, height, channels: 1 } })
      .toColourspace('srgb')
      .png()
      .toBuffer()
    card = sharp(await card.png().toBuffer()).composite([{ input: layer, blend: 'overlay' }])
  }
  const flat = await card.png().toBuffer()
  return sharp(flat).rotate(variant.rotateDegrees, { background: '#777777' }).jpeg({ quality: 85 }).toBuffer()
}
