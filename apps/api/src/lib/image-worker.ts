/**
 * A child process of the image pool (lib/image-pool.ts): decodes and re-encodes one image at a
 * time with sharp, or reads the number off one (OCR), at a lower CPU priority than the server
 * (set by the pool), and answers over the IPC channel. It exits when the server goes (the
 * channel closes) or after `idleMs` idle, and the OCR worker's memory with it.
 */
import sharp from 'sharp'
import { AppError } from '../errors.ts'
import { normalizeImage, thumbnailImage } from './images.ts'
import type { ImageJobHeader, ImageJobOutput, ImageJobResult } from './image-jobs.ts'
import { readNumberUpright } from './number-reading.ts'
import { type OcrReader, createOcrReader } from './ocr.ts'

// Every image is new: libvips' operation cache would only hold memory.
sharp.cache(false)

const idleMs = Number(process.env.BANGO_IMAGE_WORKER_IDLE_MS)
let idle: NodeJS.Timeout | null = null
const armIdleExit = () => {
  if (idle) clearTimeout(idle)
  if (idleMs > 0) idle = setTimeout(() => process.disconnect(), idleMs)
}

/** Started by the first read: a child that only decodes never loads the OCR model. */
let ocr: OcrReader | null = null

async function output(job: ImageJobHeader, input: Buffer): Promise<ImageJobOutput[ImageJobHeader['kind']]> {
  switch (job.kind) {
    case 'normalize':
      return normalizeImage(input)
    case 'thumbnail':
      return thumbnailImage(input, job.edge)
    case 'read-number':
      ocr ??= createOcrReader()
      return readNumberUpright(ocr, input)
  }
}

async function run(job: ImageJobHeader, input: Buffer): Promise<ImageJobResult> {
  try {
    return { id: job.id, ok: true, output: await output(job, input) }
  } catch (error) {
    // Only our own refusal crosses over (by code); anything else is the pool's to report.
    return { id: job.id, ok: false, code: error instanceof AppError ? error.code : null }
  }
}

// The header comes over the IPC channel, the bytes on stdin (image-jobs.ts): either may arrive first.
let header: ImageJobHeader | null = null
let received: Buffer[] = []
let receivedBytes = 0
function start() {
  if (!header || receivedBytes < header.length) return
  const job = header
  const all = Buffer.concat(received, receivedBytes)
  header = null
  received = all.length > job.length ? [all.subarray(job.length)] : []
  receivedBytes = all.length - job.length
  void run(job, all.subarray(0, job.length)).then((result) => {
    process.send!(result)
    armIdleExit()
  })
}
process.stdin.on('data', (chunk: Buffer) => {
  received.push(chunk)
  receivedBytes += chunk.length
  start()
})
process.on('message', (job: ImageJobHeader) => {
  if (idle) clearTimeout(idle)
  header = job
  start()
})
process.on('disconnect', () => process.exit(0))
armIdleExit()
