/**
 * Prometheus metrics of one server instance (prom-client), in a registry of its own (tests build
 * many apps in one process). Labels are route *patterns* and fixed words only: never a raw URL
 * (it may carry a login token), an id or an address. Exposed on a listener of their own
 * (lib/metrics-server.ts, METRICS_PORT), never on the public port (docs/decisions/019-metrics-exposure.md).
 */
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client'
import type { WorkQueue } from './work-queue.ts'

export type LoginAudience = 'employee' | 'admin'
export type LoginOutcome = 'success' | 'failure' | 'locked' | 'rate_limited' | 'refused'
export type JobName = 'sweeper' | 'retention' | 'email'

export function createMetrics(options: { processMetrics?: boolean } = {}) {
  const registry = new Registry()
  if (options.processMetrics) collectDefaultMetrics({ register: registry })
  const requests = new Histogram({
    name: 'bango_http_request_duration_seconds',
    help: 'Time to answer a request, by route pattern (rate: the _count series).',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [registry],
  })
  const uploadBytes = new Counter({
    name: 'bango_upload_bytes_total',
    help: 'Bytes of document images received and stored (before encryption).',
    registers: [registry],
  })
  const logins = new Counter({
    name: 'bango_logins_total',
    help: 'Sign-in attempts by audience and outcome (locked: refused because the account is, or just became, locked).',
    labelNames: ['audience', 'outcome'] as const,
    registers: [registry],
  })
  const jobRuns = new Counter({
    name: 'bango_job_runs_total',
    help: 'Background job runs (sweeper, retention: a pass; email: a message sent or a failed step).',
    labelNames: ['job', 'outcome'] as const,
    registers: [registry],
  })
  const jobDuration = new Histogram({
    name: 'bango_job_duration_seconds',
    help: 'Duration of a background job run.',
    labelNames: ['job'] as const,
    buckets: [0.01, 0.1, 0.5, 1, 5, 15, 60, 300],
    registers: [registry],
  })
  let queue: WorkQueue | null = null
  new Gauge({
    name: 'bango_image_queue_jobs',
    help: 'Image-processing jobs running and waiting (lib/work-queue.ts).',
    labelNames: ['state'] as const,
    registers: [registry],
    // Read at every scrape.
    collect() {
      const stats = queue?.stats() ?? { running: 0, waiting: 0 }
      this.set({ state: 'running' }, stats.running)
      this.set({ state: 'waiting' }, stats.waiting)
    },
  })

  return {
    registry,
    requests,
    uploadBytes,
    logins,
    watchImageQueue(imageWork: WorkQueue) {
      queue = imageWork
    },
    /**
     * Times one run of a job and counts its outcome; the run's result or error passes through.
     * `outcomeOf` null: not a run worth counting (an e-mail lane that found nothing to send).
     */
    async timeJob<T>(job: JobName, run: () => Promise<T>, outcomeOf: (result: T) => string | null = () => 'ok'): Promise<T> {
      const started = process.hrtime.bigint()
      const seconds = () => Number(process.hrtime.bigint() - started) / 1e9
      let result: T
      try {
        result = await run()
      } catch (error) {
        jobRuns.inc({ job, outcome: 'failed' })
        jobDuration.observe({ job }, seconds())
        throw error
      }
      const outcome = outcomeOf(result)
      if (outcome !== null) {
        jobRuns.inc({ job, outcome })
        jobDuration.observe({ job }, seconds())
      }
      return result
    },
  }
}
export type Metrics = ReturnType<typeof createMetrics>
