/**
 * Burns a visible watermark — who looked, and when — into the pixels of an image HR views,
 * so that a screenshot or a saved copy still says where it came from. Diagonal, repeated
 * over the whole image, semi-transparent with a dark outline: readable on light and dark
 * documents alike, without hiding what is under it.
 */
import sharp from 'sharp'

const escapeXml = (text: string) => text.replace(/[<>&'"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c] ?? c)

/** `2026-11-26 20:30 JST`: HR reads Japan time, whatever the server's zone. */
export function watermarkTime(at: Date): string {
  const jst = new Date(at.getTime() + 9 * 3_600_000).toISOString()
  return `${jst.slice(0, 10)} ${jst.slice(11, 16)} JST`
}

export function watermarkSvg(width: number, height: number, text: string): string {
  const fontSize = Math.max(14, Math.round(Math.min(width, height) / 18))
  const stepX = Math.round(fontSize * (text.length * 0.62 + 3))
  const stepY = fontSize * 4
  const diagonal = Math.ceil(Math.hypot(width, height))
  const rows: string[] = []
  // A grid over the diagonal's square, rotated about the centre: it covers every corner.
  for (let y = -diagonal; y < diagonal; y += stepY) {
    for (let x = -diagonal + ((y / stepY) % 2 === 0 ? 0 : stepX / 2); x < diagonal; x += stepX) {
      rows.push(`<text x="${Math.round(x)}" y="${Math.round(y)}">${escapeXml(text)}</text>`)
    }
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
<g transform="translate(${width / 2} ${height / 2}) rotate(-30)" font-family="sans-serif" font-size="${fontSize}" font-weight="bold"
 fill="#ffffff" fill-opacity="0.45" stroke="#000000" stroke-opacity="0.45" stroke-width="${Math.max(1, fontSize / 16)}">
${rows.join('\n')}
</g></svg>`
}

/** The image with the watermark, re-encoded as JPEG; same width and height. */
export async function watermarkImage(jpeg: Buffer, text: string): Promise<Buffer> {
  const image = sharp(jpeg, { failOn: 'error' })
  const { width, height } = await image.metadata()
  if (!width || !height) throw new Error('image without dimensions')
  return image
    .composite([{ input: Buffer.from(watermarkSvg(width, height, text)), top: 0, left: 0 }])
    .jpeg({ quality: 85, mozjpeg: false })
    .toBuffer()
}
