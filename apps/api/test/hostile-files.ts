/**
 * Files an attacker uploads instead of a photo — polyglots, SVG with script, images whose
 * header claims 50000×50000 pixels, an EXIF bomb — and multipart bodies with duplicate,
 * missing, reordered or cut-off parts. Built from a real sharp-made photo (images.ts).
 */
import fc from 'fast-check'
import { randomUUID } from 'node:crypto'
import zlib from 'node:zlib'
import { cardPhoto } from './images.ts'
import { hostileString, taint } from './hostile-values.ts'

/** A PNG whose IHDR claims `width`×`height` (CRC fixed, so only the pixel limit can refuse it). */
function pixelFloodPng(png: Buffer, width: number, height: number) {
  const bomb = Buffer.from(png)
  bomb.writeUInt32BE(width, 16)
  bomb.writeUInt32BE(height, 20)
  bomb.writeUInt32BE(zlib.crc32(bomb.subarray(12, 29)), 29)
  return bomb
}

/** A JPEG whose start-of-frame claims `width`×`height`. */
function pixelFloodJpeg(jpeg: Buffer, width: number, height: number) {
  const bomb = Buffer.from(jpeg)
  for (let at = 2; at + 9 < bomb.length;) {
    if (bomb[at] !== 0xff) break
    const marker = bomb[at + 1]!
    if (marker >= 0xc0 && marker <= 0xc3) {
      bomb.writeUInt16BE(height, at + 5)
      bomb.writeUInt16BE(width, at + 7)
      return bomb
    }
    at += 2 + bomb.readUInt16BE(at + 2)
  }
  throw new Error('no start-of-frame marker in the test JPEG')
}

/** An APP1 Exif segment: IFD0 claims 0xFFFF entries, its Exif-IFD pointer and next-IFD offset point back at itself. */
function exifLoopSegment() {
  const tiff = Buffer.alloc(8 + 2 + 3 * 12 + 4)
  tiff.write('II*\u0000', 0, 'latin1')
  tiff.writeUInt32LE(8, 4)
  tiff.writeUInt16LE(0xffff, 8)
  const entries: [number, number, number, number][] = [
    [0x8769, 4, 1, 8], // Exif IFD pointer → IFD0 again
    [0x010f, 2, 0x7fffffff, 8], // Make: 2 GB of ASCII at offset 8
    [0x8825, 4, 1, 8], // GPS IFD pointer → IFD0 again
  ]
  entries.forEach(([tag, type, count, value], i) => {
    const at = 10 + i * 12
    tiff.writeUInt16LE(tag, at)
    tiff.writeUInt16LE(type, at + 2)
    tiff.writeUInt32LE(count, at + 4)
    tiff.writeUInt32LE(value, at + 8)
  })
  tiff.writeUInt32LE(8, 10 + 3 * 12) // next IFD: IFD0 again
  return app1(Buffer.concat([Buffer.from('Exif\u0000\u0000', 'latin1'), tiff]))
}

const app1 = (body: Buffer) => {
  const head = Buffer.from([0xff, 0xe1, 0, 0])
  head.writeUInt16BE(body.length + 2, 2)
  return Buffer.concat([head, body])
}

/** The JPEG with `segments` inserted right after its start-of-image marker. */
const withSegments = (jpeg: Buffer, segments: Buffer[]) => Buffer.concat([jpeg.subarray(0, 2), ...segments, jpeg.subarray(2)])

export type HostileFiles = Record<string, Buffer>

/** Built once per suite: sharp is not cheap, the fuzz picks among them. */
export async function hostileFiles(): Promise<HostileFiles> {
  const jpeg = await cardPhoto({ width: 320, height: 200 })
  const png = await cardPhoto({ width: 320, height: 200, format: 'png' })
  const html = Buffer.from('<html><body><script>fetch("/api/admin/settings")</script></body></html>')
  const zip = Buffer.concat([Buffer.from('PK\u0003\u0004\u0014\u0000\u0000\u0000\u0000\u0000', 'latin1'), Buffer.from('../../evil.sh'), Buffer.alloc(32)])
  const pdf = Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog /OpenAction << /S /JavaScript /JS (app.alert(1)) >> >> endobj\n%%EOF')
  const svg = Buffer.from(
    '<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(document.cookie)</script><image href="file:///etc/passwd"/><text>&xxe;</text></svg>',
  )
  return {
    'valid JPEG': jpeg,
    'valid PNG': png,
    'JPEG + HTML tail': Buffer.concat([jpeg, html]),
    'JPEG + ZIP tail': Buffer.concat([jpeg, zip]),
    'JPEG + PDF tail': Buffer.concat([jpeg, pdf]),
    'JPEG magic + HTML': Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), html]),
    'PNG magic + ZIP': Buffer.concat([png.subarray(0, 8), zip]),
    'SVG with script and XXE': svg,
    'JPEG-named SVG': Buffer.concat([Buffer.from([0xff, 0xd8, 0xff]), svg]),
    'pixel-flood PNG 50000×50000': pixelFloodPng(png, 50_000, 50_000),
    'pixel-flood PNG 1×2^31': pixelFloodPng(png, 1, 2 ** 31 - 1),
    'pixel-flood JPEG 50000×50000': pixelFloodJpeg(jpeg, 50_000, 50_000),
    'pixel-flood JPEG 65535×65535': pixelFloodJpeg(jpeg, 65_535, 65_535),
    'EXIF bomb (recursive IFD)': withSegments(jpeg, [exifLoopSegment()]),
    'EXIF bomb (200 × 64 KB APP1)': withSegments(
      jpeg,
      Array.from({ length: 200 }, () => app1(Buffer.alloc(65_000, 0x41))),
    ),
    'truncated JPEG': jpeg.subarray(0, Math.floor(jpeg.length / 2)),
    'empty file': Buffer.alloc(0),
    'random bytes': Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)),
    'over the size limit': Buffer.concat([jpeg, Buffer.alloc(16 * 1024 * 1024, 1)]),
  }
}

interface Part {
  name: string
  filename?: string
  type?: string
  data: Buffer | string
}

export function multipartBody(parts: Part[], boundary = `----bango${randomUUID()}`, closing = true) {
  const chunks: Buffer[] = []
  for (const part of parts) {
    const disposition = `form-data; name="${part.name}"${part.filename === undefined ? '' : `; filename="${part.filename}"`}`
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: ${disposition}\r\n${part.type ? `Content-Type: ${part.type}\r\n` : ''}\r\n`))
    chunks.push(Buffer.from(part.data), Buffer.from('\r\n'))
  }
  if (closing) chunks.push(Buffer.from(`--${boundary}--\r\n`))
  return { payload: Buffer.concat(chunks), boundary }
}

const VALID_FIELDS = { role: 'identity', slot: '0', side: 'front', type: 'passport' } as const
const validFieldParts = (): Part[] => Object.entries(VALID_FIELDS).map(([name, data]) => ({ name, data }))

type Upload = { label: string; parts: Part[] }

/** Valid fields and one `file` part holding a hostile file (under a hostile name and type at times): what reaches the decoder. */
function hostileFile(files: HostileFiles): fc.Arbitrary<Upload> {
  return fc
    .record({
      file: fc.constantFrom(...Object.keys(files)),
      filename: fc.oneof(
        { weight: 3, arbitrary: fc.constant('photo.jpg') },
        { weight: 1, arbitrary: fc.constantFrom('../../../etc/passwd', '..\\..\\boot.ini', '/etc/shadow', 'a.jpg\u0000.html', 'x.svg', '\u202egpj.exe') },
        { weight: 1, arbitrary: hostileString },
      ),
      type: fc.constantFrom('image/jpeg', 'image/jpeg', 'image/svg+xml', 'text/html', 'application/json', ''),
    })
    .map(({ file, filename, type }) => ({
      label: `${file}${filename === 'photo.jpg' ? '' : ` named ${JSON.stringify(filename)}`}${type === 'image/jpeg' ? '' : ` as ${type || 'no type'}`}`,
      parts: [...validFieldParts(), { name: 'file', filename, type, data: files[file]! }],
    }))
}

/** A valid photo with each field valid, tainted, hostile, missing or repeated. */
function hostileFields(files: HostileFiles): fc.Arbitrary<Upload> {
  const field = (name: keyof typeof VALID_FIELDS) =>
    fc
      .oneof(
        { weight: 3, arbitrary: fc.constant(['valid', [VALID_FIELDS[name]]] as const) },
        { weight: 2, arbitrary: taint(VALID_FIELDS[name]).map((v) => ['tainted', [v]] as const) },
        { weight: 1, arbitrary: hostileString.map((v) => ['hostile', [v]] as const) },
        { weight: 1, arbitrary: fc.constant(['missing', []] as const) },
        { weight: 1, arbitrary: hostileString.map((v) => ['twice', [VALID_FIELDS[name], v]] as const) },
      )
      .map(([how, values]): Upload => ({ label: how === 'valid' ? '' : `${name} ${how}`, parts: values.map((data) => ({ name, data })) }))
  return fc.tuple(field('role'), field('slot'), field('side'), field('type')).map((fields) => ({
    label:
      fields
        .map((f) => f.label)
        .filter(Boolean)
        .join(', ') || 'valid fields',
    parts: [...fields.flatMap((f) => f.parts), { name: 'file', filename: 'photo.jpg', type: 'image/jpeg', data: files['valid JPEG']! }],
  }))
}

/** The parts themselves wrong: the file missing, repeated, renamed or sent before the fields; a field repeated. */
function hostileStructure(files: HostileFiles): fc.Arbitrary<Upload> {
  const photo = files['valid JPEG']!
  return fc.constantFrom<Upload>(
    { label: 'no file part', parts: validFieldParts() },
    {
      label: 'the file twice',
      parts: [...validFieldParts(), { name: 'file', filename: 'a.jpg', data: photo }, { name: 'file', filename: 'b.jpg', data: photo }],
    },
    { label: 'the file before the fields', parts: [{ name: 'file', filename: 'a.jpg', data: photo }, ...validFieldParts()] },
    { label: 'the file as "files"', parts: [...validFieldParts(), { name: 'files', filename: 'a.jpg', data: photo }] },
    { label: 'the file as "__proto__"', parts: [...validFieldParts(), { name: '__proto__', filename: 'a.jpg', data: photo }] },
    { label: 'the file as a plain field', parts: [...validFieldParts(), { name: 'file', data: photo }] },
    { label: 'no fields, only the file', parts: [{ name: 'file', filename: 'a.jpg', data: photo }] },
    { label: 'every field twice', parts: [...validFieldParts(), ...validFieldParts(), { name: 'file', filename: 'a.jpg', data: photo }] },
    {
      label: '20 extra fields',
      parts: [...validFieldParts(), ...Array.from({ length: 20 }, (_, i) => ({ name: `x${i}`, data: 'x' })), { name: 'file', filename: 'a.jpg', data: photo }],
    },
    {
      label: '__proto__ and constructor fields',
      parts: [
        { name: '__proto__', data: '{"role":"number"}' },
        { name: 'constructor', data: 'x' },
        ...validFieldParts(),
        { name: 'file', filename: 'a.jpg', data: photo },
      ],
    },
  )
}

/** The parts of one image upload: the file, the fields or the structure made hostile. */
export function hostileUploadParts(files: HostileFiles): fc.Arbitrary<Upload> {
  return fc.oneof(
    { weight: 4, arbitrary: hostileFile(files) },
    { weight: 2, arbitrary: hostileFields(files) },
    { weight: 2, arbitrary: hostileStructure(files) },
  )
}
