/**
 * The Redis connection shared by the instances (REDIS_URL): rate limits and repeat counters
 * (docs/decisions/021-many-instances.md). Without REDIS_URL there is none and that state stays
 * in the process's memory, as it must for one embedded instance.
 */
import { Redis } from 'ioredis'

export function openRedis(url: string): Redis {
  return new Redis(url, {
    // A command waits through at most one reconnect, then fails: a login refused with 500 beats a
    // request hanging while Redis is away (the limits fail closed, they are never skipped).
    maxRetriesPerRequest: 1,
    connectTimeout: 5_000,
    lazyConnect: false,
  })
}
export type { Redis }
