/** Runs inside the server: the automatic disposal of expired submissions (retention.ts), on a timer. */
import type { FastifyBaseLogger } from 'fastify'
import type { Retention } from './retention.ts'

export function startRetentionJob(retention: Retention, options: { intervalMs: number; log: FastifyBaseLogger; now?: () => Date }) {
  const now = options.now ?? (() => new Date())
  let running: Promise<void> | null = null

  const runOnce = () => {
    running ??= (async () => {
      try {
        const result = await retention.run(now())
        if (result.persons > 0) options.log.info({ persons: result.persons, images: result.images }, 'retention period ended: documents disposed of')
      } catch (error) {
        options.log.error({ err: error }, 'retention disposal failed')
      } finally {
        running = null
      }
    })()
    return running
  }

  const timer = setInterval(runOnce, options.intervalMs)
  timer.unref()
  void runOnce()
  return {
    runOnce,
    async stop() {
      clearInterval(timer)
      await running
    },
  }
}
