/** Runs inside the server: purges expired drafts (blobs included) and collects orphaned blobs. */
import type { FastifyBaseLogger } from 'fastify'
import type { Drafts } from './drafts.ts'

/** A blob younger than this may belong to an upload whose row is about to commit. */
const ORPHAN_GRACE_MS = 60 * 60 * 1000

export function startSweeper(drafts: Drafts, options: { intervalMs: number; log: FastifyBaseLogger; now?: () => Date }) {
  const now = options.now ?? (() => new Date())
  let running: Promise<void> | null = null

  const sweep = () => {
    running ??= (async () => {
      try {
        const at = now()
        const purged = await drafts.purgeExpired(at)
        const orphans = await drafts.collectOrphans(new Date(at.getTime() - ORPHAN_GRACE_MS))
        if (purged.images > 0 || orphans > 0) options.log.info({ ...purged, orphans }, 'expired drafts purged')
      } catch (error) {
        options.log.error({ err: error }, 'draft sweep failed')
      } finally {
        running = null
      }
    })()
    return running
  }

  const timer = setInterval(sweep, options.intervalMs)
  timer.unref()
  void sweep()
  return {
    sweep,
    async stop() {
      clearInterval(timer)
      await running
    },
  }
}
