/**
 * Readiness: whether this instance can serve (its database, blob store and, when configured,
 * Redis answer). A load balancer stops sending traffic to an instance that is not ready; a
 * failing check never restarts it (that is liveness, /api/health/live).
 * A dependency adds one `ReadinessCheck` (services.ts builds the list; BuildOptions.readinessChecks
 * adds more).
 */
import { type BlobStore, BlobNotFoundError } from './blob-store.ts'
import type { Redis } from './redis.ts'

export interface ReadinessCheck {
  /** Shown in the answer (`checks.<name>`); a short, stable word. */
  name: string
  /** Resolves when the dependency answers; rejects (or times out) when it does not. */
  check: () => Promise<void>
}

export interface Readiness {
  ready: boolean
  checks: Record<string, 'ok' | 'failed'>
  /** The reasons, for the log only (never in the answer). */
  failures: { name: string; error: unknown }[]
}

const CHECK_TIMEOUT_MS = 2_000

function withTimeout(check: () => Promise<void>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms)
  })
  return Promise.race([check(), late]).finally(() => clearTimeout(timer))
}

/** Runs every check at once, each bounded by a timeout. */
export async function checkReadiness(checks: readonly ReadinessCheck[], timeoutMs = CHECK_TIMEOUT_MS): Promise<Readiness> {
  const results = await Promise.allSettled(checks.map((entry) => withTimeout(entry.check, timeoutMs)))
  const readiness: Readiness = { ready: true, checks: {}, failures: [] }
  results.forEach((result, index) => {
    const { name } = checks[index]!
    readiness.checks[name] = result.status === 'fulfilled' ? 'ok' : 'failed'
    if (result.status === 'rejected') {
      readiness.ready = false
      readiness.failures.push({ name, error: result.reason })
    }
  })
  return readiness
}

/**
 * At start-up: says in the log, at error level and in the message itself, what keeps this
 * instance unready (a missing bucket, Redis down) — an operator reads it in the first lines
 * instead of only from the load balancer's 503s. The server starts anyway: readiness keeps
 * traffic away until the dependency answers.
 */
export async function logUnreadiness(checks: readonly ReadinessCheck[], log: { error(object: object, message: string): void }): Promise<Readiness> {
  const readiness = await checkReadiness(checks)
  for (const { name, error } of readiness.failures) {
    log.error({ check: name, err: error }, `not ready: ${name} — ${error instanceof Error ? error.message : String(error)}`)
  }
  return readiness
}

/**
 * A key no blob is ever stored under: reading it proves the store answers (not found = reachable).
 * Only the store's own "no such blob" counts as an answer; a missing bucket is a failure
 * (lib/s3-blob-store.ts).
 */
const PROBE_KEY = '00000000-0000-0000-0000-000000000000'

export function blobStoreCheck(blobs: BlobStore): ReadinessCheck {
  return {
    name: 'blobStore',
    check: async () => {
      try {
        await blobs.get(PROBE_KEY)
      } catch (error) {
        if (!(error instanceof BlobNotFoundError)) throw error
      }
    },
  }
}

/** Redis (REDIS_URL) answers a PING. */
export const redisCheck = (redis: Redis): ReadinessCheck => ({ name: 'redis', check: async () => void (await redis.ping()) })
