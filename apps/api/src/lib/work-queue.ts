/**
 * Bounds CPU-heavy work (image decoding): at most `concurrency` jobs run, at most `maxWaiting`
 * wait — each for at most `maxWaitMs` — and anything beyond is refused at once with
 * SERVER_BUSY (503 + Retry-After), so a flood of uploads cannot take every core and gigabytes
 * of memory; the phone retries shortly.
 */
import { AppError } from '../errors.ts'

export interface WorkQueueOptions {
  concurrency: number
  maxWaiting: number
  maxWaitMs: number
}

export function createWorkQueue({ concurrency, maxWaiting, maxWaitMs }: WorkQueueOptions) {
  let running = 0
  const waiting: { start: () => void; timer: NodeJS.Timeout }[] = []

  function release() {
    running--
    const next = waiting.shift()
    if (next) {
      clearTimeout(next.timer)
      running++
      next.start()
    }
  }

  function slot(): Promise<void> {
    if (running < concurrency) {
      running++
      return Promise.resolve()
    }
    if (waiting.length >= maxWaiting) return Promise.reject(new AppError('SERVER_BUSY'))
    return new Promise((resolve, reject) => {
      const entry = {
        start: resolve,
        timer: setTimeout(() => {
          waiting.splice(waiting.indexOf(entry), 1)
          reject(new AppError('SERVER_BUSY'))
        }, maxWaitMs),
      }
      waiting.push(entry)
    })
  }

  return {
    async run<T>(job: () => Promise<T>): Promise<T> {
      await slot()
      try {
        return await job()
      } finally {
        release()
      }
    },
    stats: () => ({ running, waiting: waiting.length }),
  }
}
export type WorkQueue = ReturnType<typeof createWorkQueue>
