/**
 * A child process of the image pool (lib/image-pool.ts): decodes and re-encodes one image at a
 * time with sharp, at a lower CPU priority than the server (set by the pool), and answers over
 * the IPC channel. It exits when the server goes (the channel closes) or after `idleMs` idle.
 */
import sharp from 'sharp'
import { AppError } from '../errors.ts'
import { normalizeImage, thumbnailImage } from './images.ts'
import { type ImageJob, type ImageJobResult, asBuffer } from './image-jobs.ts'

// Every image is new: libvips' operation cache would only hold memory.
sharp.cache(false)

const idleMs = Number(process.env.BANGO_IMAGE_WORKER_IDLE_MS)
let idle: NodeJS.Timeout | null = null
const armIdleExit = () => {
  if (idle) clearTimeout(idle)
  if (idleMs > 0) idle = setTimeout(() => process.disconnect(), idleMs)
}

async function run(job: ImageJob): Promise<ImageJobResult> {
  try {
    const input = asBuffer(job.input)
    const output = job.kind === 'normalize' ? await normalizeImage(input) : await thumbnailImage(input, job.edge)
    return { id: job.id, ok: true, output }
  } catch (error) {
    // Only our own refusal crosses over (by code); anything else is the pool's to report.
    return { id: job.id, ok: false, code: error instanceof AppError ? error.code : null }
  }
}

process.on('message', (job: ImageJob) => {
  if (idle) clearTimeout(idle)
  void run(job).then((result) => {
    process.send!(result)
    armIdleExit()
  })
})
process.on('disconnect', () => process.exit(0))
armIdleExit()
