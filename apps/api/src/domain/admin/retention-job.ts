/** Runs inside the server: the automatic disposal of expired submissions (retention.ts), on a timer. */
import type { FastifyBaseLogger } from 'fastify'
import type { Leadership } from '../../lib/leadership.ts'
import type { Metrics } from '../../lib/metrics.ts'
import { startPeriodicJob } from '../../lib/periodic-job.ts'
import type { Retention } from './retention.ts'

export function startRetentionJob(
  retention: Retention,
  options: { intervalMs: number; log: FastifyBaseLogger; now?: () => Date; metrics?: Metrics; leadership?: Leadership },
) {
  const now = options.now ?? (() => new Date())
  return startPeriodicJob(
    async () => {
      const result = await retention.run(now())
      if (result.persons > 0) options.log.info({ persons: result.persons, images: result.images }, 'retention period ended: documents disposed of')
    },
    {
      intervalMs: options.intervalMs,
      log: options.log,
      name: 'retention',
      metrics: options.metrics,
      leadership: options.leadership,
      failure: 'retention disposal failed',
    },
  )
}
