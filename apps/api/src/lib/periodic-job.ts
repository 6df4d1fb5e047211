/**
 * Background work inside the server (draft sweeper, retention disposal): once at start, then
 * every `intervalMs`; never two runs at once; a failure is logged and the next tick tries
 * again; `stop()` waits for a run in progress. `run()` starts one now (tests, start-up).
 */
import type { FastifyBaseLogger } from 'fastify'
import type { JobName, Metrics } from './metrics.ts'

export interface PeriodicJobOptions {
  intervalMs: number
  log: FastifyBaseLogger
  failure: string
  /** Counts and times each run (bango_job_runs_total, lib/metrics.ts). */
  metrics?: { name: JobName; metrics: Metrics }
}

export function startPeriodicJob(job: () => Promise<void>, options: PeriodicJobOptions) {
  let running: Promise<void> | null = null
  const measured = options.metrics
  const once = measured ? () => measured.metrics.timeJob(measured.name, job) : job

  const run = () => {
    running ??= once()
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
