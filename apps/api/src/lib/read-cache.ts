/**
 * What an employee's requests read on every call — the session's standing and the summary
 * (/me) — kept in this instance's memory until the database announces a change to that
 * employee's rows (lib/change-feed.ts). A hit costs no database round trip, which is most of what
 * an authenticated read costs (ADR 026); it is served only while the feed is live.
 *
 * Two races are closed here: a read that began before a change and ends after its announcement
 * is returned but not kept (the epoch moved), and this instance's own writes are forgotten
 * before their answer leaves (`forget`, app.ts), so a caller's next request never meets what it
 * just changed. Another instance's write reaches this one as fast as PostgreSQL delivers the
 * notification, typically under a millisecond after the commit.
 * @see docs/decisions/028-read-cache.md
 */
import type { ChangeFeed } from './change-feed.ts'

export interface ReadCache {
  /** `load`'s answer, from memory when held; a null answer (no such session) is never kept. */
  read<V extends object>(key: string, employeeOf: (value: V) => string, load: () => Promise<V | null>): Promise<V | null>
  /** Forgets what was read of the employee's rows (null: of anyone's). */
  forget(employeeId: string | null): void
}

/** Every read goes to the database: the embedded database, tests, and any instance without a feed. */
export const noReadCache: ReadCache = { read: (_key, _employeeOf, load) => load(), forget: () => {} }

export interface ReadCacheOptions {
  /** Entries held at most; the oldest goes first. */
  maxEntries?: number
  /** An entry is read again after this long even without an announcement: a bound on any missed one. */
  ttlMs?: number
  now?: () => number
}

interface Entry {
  employeeId: string
  value: object
  expiresAt: number
}

export function createReadCache(feed: ChangeFeed, { maxEntries = 20_000, ttlMs = 60_000, now = () => performance.now() }: ReadCacheOptions = {}): ReadCache {
  const entries = new Map<string, Entry>()
  const keysOf = new Map<string, Set<string>>()
  /** Moves on every forgetting: a load that saw it move may hold what was just changed. */
  let epoch = 0

  function remove(key: string) {
    const entry = entries.get(key)
    if (!entry) return
    entries.delete(key)
    const keys = keysOf.get(entry.employeeId)
    keys?.delete(key)
    if (keys?.size === 0) keysOf.delete(entry.employeeId)
  }

  function forget(employeeId: string | null) {
    epoch++
    if (employeeId === null) {
      entries.clear()
      keysOf.clear()
    } else for (const key of keysOf.get(employeeId) ?? []) remove(key)
  }
  feed.onChange(forget)

  return {
    async read<V extends object>(key: string, employeeOf: (value: V) => string, load: () => Promise<V | null>) {
      const held = entries.get(key)
      if (held && held.expiresAt > now() && feed.live()) return held.value as V
      const epochAtLoad = epoch
      const value = await load()
      if (value === null || epoch !== epochAtLoad) return value
      remove(key)
      if (entries.size >= maxEntries) remove(entries.keys().next().value!)
      const employeeId = employeeOf(value)
      entries.set(key, { employeeId, value, expiresAt: now() + ttlMs })
      keysOf.set(employeeId, (keysOf.get(employeeId) ?? new Set()).add(key))
      return value
    },
    forget,
  }
}
