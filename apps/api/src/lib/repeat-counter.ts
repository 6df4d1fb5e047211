/**
 * Counts repeats of an event per key inside a time window: in this process's memory (the
 * embedded default, one instance) or in Redis when REDIS_URL is set (several instances count
 * together). `note(key)` answers how many repeats the previous record left unrecorded when the
 * event should be recorded now, or null when it is a repeat inside the window. Keys older than
 * the window are forgotten, so memory stays bounded by the keys seen in one window.
 */
import type { Redis } from 'ioredis'

export interface RepeatCounter {
  note(key: string): Promise<number | null>
}

export function createRepeatCounter(windowMs: number, now: () => Date): RepeatCounter {
  const seen = new Map<string, { since: number; repeats: number }>()

  function forgetOld(at: number) {
    for (const [key, entry] of seen) if (at - entry.since >= windowMs) seen.delete(key)
  }

  return {
    async note(key: string): Promise<number | null> {
      const at = now().getTime()
      const entry = seen.get(key)
      if (entry && at - entry.since < windowMs) {
        entry.repeats++
        return null
      }
      if (seen.size > 10_000) forgetOld(at)
      seen.set(key, { since: at, repeats: 0 })
      return entry?.repeats ?? 0
    },
  }
}

/**
 * KEYS[1] marks an open window (expires with it), KEYS[2] counts the repeats inside it and
 * outlives it, so the next record can say how many there were. One script: atomic across instances.
 */
const NOTE_SCRIPT = `
if redis.call('SET', KEYS[1], '1', 'NX', 'PX', ARGV[1]) then
  local repeats = redis.call('GET', KEYS[2])
  redis.call('DEL', KEYS[2])
  return tonumber(repeats or '0')
end
redis.call('INCR', KEYS[2])
redis.call('PEXPIRE', KEYS[2], ARGV[2])
return -1`

/** The Redis twin of createRepeatCounter; `name` separates counters, Redis's clock measures the window. */
export function createRedisRepeatCounter(redis: Redis, name: string, windowMs: number): RepeatCounter {
  return {
    async note(key: string): Promise<number | null> {
      const result = await redis.eval(NOTE_SCRIPT, 2, `bango:repeat:${name}:window:${key}`, `bango:repeat:${name}:count:${key}`, windowMs, windowMs * 10)
      const repeats = Number(result)
      return repeats < 0 ? null : repeats
    },
  }
}
