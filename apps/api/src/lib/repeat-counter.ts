/**
 * Counts repeats of an event per key inside a time window, in memory (one process; shared
 * state across instances is issue 10's Redis). `note(key)` answers how many repeats the
 * previous record left unrecorded when the event should be recorded now, or null when it is a
 * repeat inside the window. Keys older than the window are forgotten, so memory stays bounded
 * by the keys seen in one window.
 */
export function createRepeatCounter(windowMs: number, now: () => Date) {
  const seen = new Map<string, { since: number; repeats: number }>()

  function forgetOld(at: number) {
    for (const [key, entry] of seen) if (at - entry.since >= windowMs) seen.delete(key)
  }

  return {
    note(key: string): number | null {
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
