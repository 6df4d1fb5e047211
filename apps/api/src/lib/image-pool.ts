/**
 * Image decoding and re-encoding (sharp) in child processes at a lower CPU priority (nice),
 * so four 12-megapixel uploads cannot starve the requests the server answers meanwhile: the
 * kernel gives the server's own thread the core first. A worker thread would not do — sharp
 * runs on the libuv thread pool every thread of a process shares — and libvips' memory stays
 * with the child, which exits after a minute without work (ADR 026).
 *
 * One job per child at a time; the work queue in front (lib/work-queue.ts) admits at most
 * `size` at once. A child that dies mid-job fails that job (UNSUPPORTED_IMAGE: the image is the
 * likeliest cause) and is replaced on the next job.
 */
import { type ChildProcess, fork } from 'node:child_process'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { AppError } from '../errors.ts'
import { type ImageJob, type ImageJobHeader, type ImageJobInput, type ImageJobOutput, type ImageJobResult, asBuffer } from './image-jobs.ts'
import { type NormalizedImage, normalizeImage, thumbnailImage } from './images.ts'
import { type NumberReading, readNumberUpright } from './number-reading.ts'
import { type OcrReader, createOcrReader } from './ocr.ts'

declare const BANGO_BUNDLED: boolean | undefined

export interface ImageProcessor {
  /** An upload in the chunks it arrived in: joined in the child, not on the server's thread. */
  normalize(input: readonly Buffer[]): Promise<NormalizedImage>
  thumbnail(jpeg: Buffer, edge: number): Promise<Buffer>
  /** The 12-digit number on an image, or null (OCR: seconds of CPU, for a pool of its own at the lowest priority). */
  readNumber(jpeg: Buffer): Promise<NumberReading>
  close(): Promise<void>
  /** Process ids of the children alive now (none in process). */
  pids(): number[]
}

/** What reads numbers off images: the reading pool of its own (server.ts), or the in-process processor. */
export type NumberReader = Pick<ImageProcessor, 'readNumber' | 'close'>

/** In this process, on the shared thread pool: tests and command-line tools. The OCR worker starts with the first read. */
export function inProcessImages(): ImageProcessor {
  let ocr: OcrReader | null = null
  return {
    normalize: (input) => normalizeImage(Buffer.concat(input)),
    thumbnail: thumbnailImage,
    readNumber: (jpeg) => readNumberUpright((ocr ??= createOcrReader()), jpeg),
    close: async () => {
      await ocr?.close()
      ocr = null
    },
    pids: () => [],
  }
}

/** The worker script: next to the bundle in the artifact, the TypeScript source in development (Node strips its types). */
function workerScript() {
  const here = path.dirname(fileURLToPath(import.meta.url))
  return { file: path.join(here, typeof BANGO_BUNDLED !== 'undefined' && BANGO_BUNDLED ? 'image-worker.js' : 'image-worker.ts'), execArgv: [] }
}

export interface ImagePoolOptions {
  size: number
  /** Added to the children's nice value (0–19). */
  niceness?: number
  /** A child exits after this long without a job. */
  idleMs?: number
}

/**
 * glibc's settings for a child: every job allocates and frees a few tens of MB (the joined upload,
 * libvips' buffers), which by default go back to the kernel and fault in again — 19 ms of system
 * time per 12 Mpx job here, 9 ms with these. The memory goes with the child when it idles out.
 * Other C libraries ignore them.
 */
const CHILD_MALLOC = { MALLOC_MMAP_THRESHOLD_: String(64 * 2 ** 20), MALLOC_TRIM_THRESHOLD_: String(256 * 2 ** 20) }
/**
 * A child started to read numbers instead keeps glibc's thresholds (its reads are seconds of OCR,
 * not milliseconds of decoding) and has two malloc arenas, not one per thread: the OCR worker's
 * thread, libvips' and V8's each left a partly used arena of their own behind, and the child grew
 * to 300–340 MB over a few dozen photos; with two it levels off at ~265 MB, no slower.
 */
const READING_CHILD_MALLOC = { MALLOC_ARENA_MAX: '2' }

interface Pending {
  job: ImageJob
  resolve: (output: ImageJobOutput[ImageJobInput['kind']]) => void
  reject: (error: Error) => void
}

export function createImagePool({ size, niceness = 10, idleMs = 60_000 }: ImagePoolOptions): ImageProcessor {
  const script = workerScript()
  const slots: { child: ChildProcess | null; running: Pending | null }[] = Array.from({ length: size }, () => ({ child: null, running: null }))
  const queued: Pending[] = []
  let nextId = 0
  let closed = false

  function spawn(slot: (typeof slots)[number], firstJob: ImageJob['kind']) {
    const child = fork(script.file, [], {
      execArgv: script.execArgv,
      serialization: 'advanced',
      stdio: ['pipe', 'inherit', 'inherit', 'ipc'],
      // Nothing of the server's environment (keys, database URL): the child only sees pixels.
      env: { PATH: process.env.PATH ?? '', BANGO_IMAGE_WORKER_IDLE_MS: String(idleMs), ...(firstJob === 'read-number' ? READING_CHILD_MALLOC : CHILD_MALLOC) },
    })
    try {
      os.setPriority(child.pid!, Math.min(19, os.getPriority() + niceness))
    } catch {
      // Not permitted here (a locked-down container): the child runs at the server's priority.
    }
    child.on('message', (result: ImageJobResult) => {
      const pending = slot.running
      if (!pending || pending.job.id !== result.id) return
      slot.running = null
      if (result.ok) pending.resolve(result.output)
      else pending.reject(new AppError(result.code ?? 'UNSUPPORTED_IMAGE'))
      dispatch()
    })
    child.on('exit', (code, signal) => {
      if (slot.child === child) slot.child = null
      const pending = slot.running
      slot.running = null
      // Exit 0: it went idle as the job was sent (or the pool closes); the job goes to another child.
      if (pending && code === 0) queued.unshift(pending)
      else pending?.reject(new AppError('UNSUPPORTED_IMAGE', { cause: new Error(`image worker exited (${signal ?? code}) during a job`) }))
      dispatch()
    })
    // A send or a write to a child that just exited fails here; its exit handler settles the job.
    child.on('error', () => {})
    child.stdin!.on('error', () => {})
    slot.child = child
    return child
  }

  function dispatch() {
    for (const slot of slots) {
      if (slot.running || queued.length === 0 || closed) continue
      const pending = queued.shift()!
      slot.running = pending
      const child = slot.child ?? spawn(slot, pending.job.kind)
      const { input, ...header } = pending.job
      child.send({ ...header, length: input.reduce((sum, chunk) => sum + chunk.byteLength, 0) } satisfies ImageJobHeader)
      for (const chunk of input) child.stdin!.write(chunk)
    }
  }

  function run<J extends ImageJobInput>(job: J): Promise<ImageJobOutput[J['kind']]> {
    if (closed) return Promise.reject(new AppError('SERVER_BUSY'))
    return new Promise((resolve, reject) => {
      // The child answers each job with the output of its kind (image-worker.ts), matched by id.
      queued.push({ job: { ...job, id: nextId++ }, resolve: resolve as Pending['resolve'], reject })
      dispatch()
    })
  }

  return {
    async normalize(input) {
      const image = await run({ kind: 'normalize', input })
      return { ...image, jpeg: asBuffer(image.jpeg) }
    },
    thumbnail: async (jpeg, edge) => asBuffer(await run({ kind: 'thumbnail', input: [jpeg], edge })),
    async readNumber(jpeg) {
      const { number, upright } = await run({ kind: 'read-number', input: [jpeg] })
      return { number, upright: upright && { ...upright, jpeg: asBuffer(upright.jpeg) } }
    },
    async close() {
      closed = true
      await Promise.all(
        slots.map(async (slot) => {
          const child = slot.child
          if (!child || child.exitCode !== null || child.signalCode !== null) return
          const exited = new Promise((resolve) => child.once('exit', resolve))
          child.disconnect()
          await exited
        }),
      )
      for (const pending of queued.splice(0)) pending.reject(new AppError('SERVER_BUSY'))
    },
    pids: () => slots.flatMap((slot) => (slot.child?.pid === undefined ? [] : [slot.child.pid])),
  }
}
