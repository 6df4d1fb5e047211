/**
 * Background work inside the server (draft sweeper, retention disposal): once at start, then
 * every `intervalMs`; never two runs at once; a failure is logged and the next tick tries
 * again; `stop()` waits for a run in progress. `run()` starts one now (tests, start-up).
 * With `leadership` (several instances on one database) a tick runs the job only on the leader,
 * so each pass happens once across instances (lib/leadership.ts).
 */
import type { FastifyBaseLogger } from 'fastify'
import type { Leadership } from './leadership.ts'
import type { JobName, Metrics } from './metrics.ts'

export interface PeriodicJobOptions {
  intervalMs: number
  log: FastifyBaseLogger
  failure: string
  /** Names the job in the metrics (bango_job_runs_total, lib/metrics.ts) and in the debug line logged per pass. */
  name: JobName
  metrics?: Metrics
  leadership?: Leadership
}

export function startPeriodicJob(job: () => Promise<void>, options: PeriodicJobOptions) {
  let running: Promise<void> | null = null

  const pass = async () => {
    if (options.leadership && !(await options.leadership.isLeader())) return
    await (options.metrics ? options.metrics.timeJob(options.name, job) : job())
    options.log.debug({ job: options.name }, 'scheduled job pass done')
  }

  const run = () => {
    running ??= pass()
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
