/**
 * The lockout an operator account would have, kept for sign-in addresses that have no usable
 * account (unknown or disabled): five wrong passwords lock it for 15 minutes, so that an unknown
 * address answers 401 ×4, then 423 exactly like a known one and cannot be told from it.
 *
 * No row is written for an address someone typed: the counts live in this process's memory (the
 * embedded default, one instance) or in Redis (REDIS_URL, several instances), keyed by a SHA-256
 * of the normalised address and forgotten a day after the last failure (a known account keeps its
 * count until a sign-in succeeds: waiting a day between the 4th and 5th guess tells them apart,
 * which we accept). Memory holds at most MAX_KEYS addresses; beyond that the oldest are dropped.
 * @see docs/decisions/036-account-existence.md
 */
import type { Redis } from 'ioredis'
import { createHash } from 'node:crypto'
import { ADMIN_LIMITS } from '@bango/shared/admin-api'

export interface UnknownAddressLocks {
  /** Whether the address is locked at `at`. */
  locked(address: string, at: Date): Promise<boolean>
  /** Counts a wrong password; true when this one locks (the count starts again). */
  fail(address: string, at: Date): Promise<boolean>
}

const LOCK_MS = ADMIN_LIMITS.lockoutMinutes * 60_000
const FORGET_MS = 24 * 3_600_000
const MAX_KEYS = 100_000
const keyOf = (address: string) => createHash('sha256').update(`operator-sign-in:${address}`).digest('base64url')

export function createUnknownAddressLocks(): UnknownAddressLocks {
  const entries = new Map<string, { failures: number; lockedUntil: number; lastAt: number }>()
  const current = (key: string, at: number) => {
    const entry = entries.get(key)
    return entry && at - entry.lastAt < FORGET_MS ? entry : null
  }
  return {
    async locked(address, at) {
      return (current(keyOf(address), at.getTime())?.lockedUntil ?? 0) > at.getTime()
    },
    async fail(address, at) {
      const key = keyOf(address)
      const now = at.getTime()
      const failures = (current(key, now)?.failures ?? 0) + 1
      const locks = failures >= ADMIN_LIMITS.maxFailedLogins
      // Re-inserted so that Map order is least recently failed first.
      entries.delete(key)
      entries.set(key, locks ? { failures: 0, lockedUntil: now + LOCK_MS, lastAt: now } : { failures, lockedUntil: 0, lastAt: now })
      while (entries.size > MAX_KEYS) entries.delete(entries.keys().next().value!)
      return locks
    },
  }
}

/** HINCRBY then lock at the limit, in one script: two instances counting at once still lock at the fifth. */
const FAIL_SCRIPT = `
local failures = redis.call('HINCRBY', KEYS[1], 'failures', 1)
local locks = failures >= tonumber(ARGV[1])
if locks then redis.call('HSET', KEYS[1], 'failures', 0, 'lockedUntil', ARGV[2]) end
redis.call('PEXPIRE', KEYS[1], ARGV[3])
return locks and 1 or 0`

/** The Redis twin: times come from the application's clock, Redis only forgets. */
export function createRedisUnknownAddressLocks(redis: Redis): UnknownAddressLocks {
  const redisKey = (address: string) => `bango:unknown-address:${keyOf(address)}`
  return {
    async locked(address, at) {
      return Number((await redis.hget(redisKey(address), 'lockedUntil')) ?? 0) > at.getTime()
    },
    async fail(address, at) {
      return Number(await redis.eval(FAIL_SCRIPT, 1, redisKey(address), ADMIN_LIMITS.maxFailedLogins, at.getTime() + LOCK_MS, FORGET_MS)) === 1
    },
  }
}
