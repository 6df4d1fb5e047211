/**
 * The number reading on phone-like photos (test/phone-photos.ts): per set, level, kind and
 * condition, how many photos gave their number (correct), nothing (none) or another number
 * (WRONG, the costly failure). On the card front the correct reading is nothing. Then the time per
 * image (readMyNumber, sent to the child to answer) and the reading child's peak RSS. Asserts
 * nothing; the budgets are printed beside the figures.
 *
 * `PHONE_PHOTOS=n` photos per level and kind (default 4), `PHONE_SETS=untuned` for one set:
 * `pnpm --filter @bango/api bench:ocr-phone`. The photos are read as production reads them: by
 * the image pool's child process (image-worker.ts, one at a time; at the server's priority here,
 * not at nice 19, so that the times are the reading's own). Its peak RSS is the kernel's
 * high-water mark of that child (VmHWM), which holds nothing but the reader: the photos stay in
 * this process, rendered beforehand by another child.
 */
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { createImagePool } from '../src/lib/image-pool.ts'
import { KINDS, LEVELS, type PhonePhoto, type PhotoSet, phonePhotos, renderPhonePhoto } from '../test/phone-photos.ts'

type Outcome = 'correct' | 'none' | 'WRONG'
interface Result {
  photo: PhonePhoto
  outcome: Outcome
  ms: number
}

const count = Number(process.env.PHONE_PHOTOS ?? 4)
const sets = (process.env.PHONE_SETS ?? 'tuning,untuned').split(',') as PhotoSet[]
const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`
const fileOf = (directory: string, photo: PhonePhoto) => path.join(directory, `${photo.id.replaceAll('/', '-')}.jpg`)

// The photos are rendered by a child process (this script with PHONE_PHOTOS_TO set), so that the
// RSS of this one is the reader's and not the generator's.
if (process.env.PHONE_PHOTOS_TO) {
  for (const set of sets)
    for (const photo of phonePhotos(set, count)) fs.writeFileSync(fileOf(process.env.PHONE_PHOTOS_TO, photo), await renderPhonePhoto(photo))
  process.exit(0)
}
const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'bango-phone-photos-'))
execFileSync(process.execPath, [...process.execArgv, process.argv[1]!], { env: { ...process.env, PHONE_PHOTOS_TO: directory }, stdio: 'inherit' })

function outcomeOf(photo: PhonePhoto, reading: string | null): Outcome {
  if (reading === photo.expected) return 'correct'
  return reading === null ? 'none' : 'WRONG'
}

function line(label: string, results: Result[]): string {
  const of = (outcome: Outcome) => String(results.filter((result) => result.outcome === outcome).length).padStart(4)
  return `  ${label.padEnd(28)} ${String(results.length).padStart(4)} ${of('correct')} ${of('none')} ${of('WRONG')}`
}

function table(set: PhotoSet, results: Result[]) {
  console.log(`\n${set} set (${results.length} photos)              all correct none WRONG`)
  for (const level of LEVELS)
    console.log(
      line(
        `level ${level}`,
        results.filter((result) => result.photo.level === level),
      ),
    )
  for (const kind of KINDS)
    console.log(
      line(
        kind,
        results.filter((result) => result.photo.kind === kind),
      ),
    )
  const conditions: [string, (photo: PhonePhoto) => boolean][] = [
    ['turned 90° or 270°', (photo) => photo.conditions.quarterTurns % 2 === 1 && !photo.conditions.byExif],
    ['turned 180°', (photo) => photo.conditions.quarterTurns === 2 && !photo.conditions.byExif],
    ['turned by EXIF', (photo) => photo.conditions.byExif],
    ['shadow edge', (photo) => photo.conditions.shadow < 1],
    ['pale desk', (photo) => photo.conditions.paleDesk],
    ['motion blur', (photo) => photo.conditions.motionBlur > 0],
    ['glare aside', (photo) => photo.conditions.glare === 'aside'],
    ['glare over the digits', (photo) => photo.conditions.glare === 'over-digits'],
  ]
  for (const [label, applies] of conditions)
    console.log(
      line(
        label,
        results.filter((result) => applies(result.photo)),
      ),
    )
  const counted = results.filter((result) => result.photo.expected !== null && result.photo.conditions.glare !== 'over-digits')
  const correct = counted.filter((result) => result.outcome === 'correct').length
  const wrong = results.filter((result) => result.outcome === 'WRONG').length
  console.log(
    `  budget: correct ${correct}/${counted.length} = ${((correct / counted.length) * 100).toFixed(1)} % (≥ 95 %) of number-bearing photos without glare over the digits; WRONG ${wrong} (= 0)`,
  )
  for (const result of results.filter((r) => r.outcome !== 'correct'))
    console.log(`    ${result.outcome.padEnd(5)} ${result.photo.id} ${JSON.stringify(result.photo.conditions)}`)
}

const reader = createImagePool({ size: 1, niceness: 0 })
/** The kernel's high-water mark of each reading child's resident memory, in bytes (a child that died or idled out keeps its last). */
const peaks = new Map<number, number>()
const samplePeaks = () => {
  for (const pid of reader.pids()) {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8')
    peaks.set(pid, Number(/^VmHWM:\s+(\d+) kB/m.exec(status)![1]) * 1024)
  }
}
const times: number[] = []
for (const set of sets) {
  const photos = phonePhotos(set, count).map((photo) => ({ photo, jpeg: fs.readFileSync(fileOf(directory, photo)) }))
  const results: Result[] = []
  for (const { photo, jpeg } of photos) {
    const started = performance.now()
    const { number: reading } = await reader.readNumber(jpeg)
    const ms = performance.now() - started
    samplePeaks()
    times.push(ms)
    results.push({ photo, outcome: outcomeOf(photo, reading), ms })
  }
  table(set, results)
}
await reader.close()
fs.rmSync(directory, { recursive: true })

// The first read also starts the child and its OCR worker (~0.5 s): it is left out of the times.
const sorted = times.slice(1).sort((a, b) => a - b)
const at = (share: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * share))]!.toFixed(0)
console.log(`\nper image (${sorted.length}, first read left out): median ${at(0.5)} ms (≤ 1000), p95 ${at(0.95)} ms (≤ 2500), max ${at(1)} ms`)
console.log(
  `reading child's peak RSS (VmHWM): ${[...peaks.values()].map(megabytes).join(', ')} (≤ 300 MB); this process (photos and all): maxRSS ${megabytes(process.resourceUsage().maxRSS * 1024)}`,
)
