/**
 * What one upload costs the server: decode + rotate + resize + re-encode (sharp), envelope
 * encryption and the atomic blob write, for a typical 12 Mpx phone photo.
 * Run: pnpm --filter @bango/api bench
 */
import { randomBytes, randomUUID } from 'node:crypto'
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import sharp from 'sharp'
import { createFileBlobStore } from '../src/lib/blob-store.ts'
import { encryptBlob } from '../src/lib/envelope.ts'
import { normalizeImage } from '../src/lib/images.ts'
import { parseKeks } from '../src/lib/keys.ts'

const ROUNDS = 10
const keyring = parseKeks(`bench:${randomBytes(32).toString('base64')}`)
const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'bango-bench-'))
const blobs = createFileBlobStore(dir)

// A noisy 4000×3000 photo (noise defeats JPEG compression like a real photo's detail does).
const noise = randomBytes(4000 * 3000 * 3)
const photo = await sharp(noise, { raw: { width: 4000, height: 3000, channels: 3 } })
  .jpeg({ quality: 90 })
  .withMetadata({ orientation: 6 })
  .toBuffer()
console.log(`input: ${(photo.length / 1e6).toFixed(1)} MB JPEG, 4000×3000, EXIF orientation 6`)

const timings = { normalize: [] as number[], encrypt: [] as number[], write: [] as number[] }
let output = 0
for (let round = 0; round < ROUNDS; round++) {
  let t = performance.now()
  const image = await normalizeImage(photo)
  timings.normalize.push(performance.now() - t)
  t = performance.now()
  const blob = encryptBlob(keyring, image.jpeg, `bango:document:${randomUUID()}`)
  timings.encrypt.push(performance.now() - t)
  t = performance.now()
  await blobs.put(randomUUID(), blob)
  timings.write.push(performance.now() - t)
  output = image.jpeg.length
}
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!.toFixed(1)
console.log(`output: ${(output / 1e6).toFixed(2)} MB JPEG (long edge 2400)`)
console.log(
  `median over ${ROUNDS}: normalize ${median(timings.normalize)} ms, encrypt ${median(timings.encrypt)} ms, fsync'd write ${median(timings.write)} ms`,
)
console.log(`peak RSS: ${(process.memoryUsage().rss / 1e6).toFixed(0)} MB`)
await fs.rm(dir, { recursive: true, force: true })
