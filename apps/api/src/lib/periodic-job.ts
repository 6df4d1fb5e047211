/**
 * Background work inside the server (draft sweeper, retention disposal): once at start, then
 * every `intervalMs`; never two runs at once; a failure is logged and the next tick tries
 * again; `stop()` waits for a run in progress. `run()` starts one now (tests, start-up).
 */
import type { FastifyBaseLogger } from 'fastify'

export function startPeriodicJob(job: () => Promise<void>, options: { intervalMs: number; log: FastifyBaseLogger; failure: string }) {
  let running: Promise<void> | null = null

  const run = () => {
    running ??= job()
      .catch((error: unknown) => options.log.error({ err: error }, options.failure))
      .finally(() => {
        running = null
      })
    return running
  }

  const timer = setInterval(run, options.intervalMs)
  timer.unref()
  void run()
  return {
    run,
    async stop() {
      clearInterval(timer)
      await running
    },
  }
}
