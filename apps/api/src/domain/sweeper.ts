/**
 * Runs inside the server: purges expired drafts (blobs included), collects orphaned blobs, and
 * ends the console's credential batches nobody distributed within their week (ADR 039).
 */
import type { FastifyBaseLogger } from 'fastify'
import type { Metrics } from '../lib/metrics.ts'
import type { Leadership } from '../lib/leadership.ts'
import { startPeriodicJob } from '../lib/periodic-job.ts'
import type { Drafts } from './drafts.ts'
import type { CredentialIssuing } from './admin/credential-issuing.ts'

/** A blob younger than this may belong to an upload whose row is about to commit. */
const ORPHAN_GRACE_MS = 60 * 60 * 1000

export function startSweeper(
  drafts: Drafts,
  options: {
    intervalMs: number
    log: FastifyBaseLogger
    now?: () => Date
    metrics?: Metrics
    leadership?: Leadership
    credentialBatches?: Pick<CredentialIssuing, 'expire'>
  },
) {
  const now = options.now ?? (() => new Date())
  return startPeriodicJob(
    async () => {
      const at = now()
      const purged = await drafts.purgeExpired(at)
      const orphans = await drafts.collectOrphans(new Date(at.getTime() - ORPHAN_GRACE_MS))
      if (purged.images > 0 || orphans > 0) options.log.info({ ...purged, orphans }, 'expired drafts purged')
      const expired = (await options.credentialBatches?.expire()) ?? 0
      if (expired > 0) options.log.info({ batches: expired }, 'undistributed credential batches expired')
    },
    {
      intervalMs: options.intervalMs,
      log: options.log,
      name: 'sweeper',
      metrics: options.metrics,
      leadership: options.leadership,
      failure: 'draft sweep failed',
    },
  )
}
