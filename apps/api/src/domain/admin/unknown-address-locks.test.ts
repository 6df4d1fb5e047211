/**
 * Both stores of the unknown-address lockout answer alike: the fifth failure locks for 15
 * minutes, a lock is not counted into, the count starts again after it. Redis on the local
 * server (random addresses); times come from the caller's clock in both.
 */
import { randomUUID } from 'node:crypto'
import { afterAll, describe, expect, it } from 'vitest'
import { openRedis } from '../../lib/redis.ts'
import { type UnknownAddressLocks, createRedisUnknownAddressLocks, createUnknownAddressLocks } from './unknown-address-locks.ts'

const redis = openRedis(process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379/12')
afterAll(() => redis.disconnect())

const stores: Record<string, () => UnknownAddressLocks> = {
  memory: createUnknownAddressLocks,
  redis: () => createRedisUnknownAddressLocks(redis),
}
const minutes = (start: Date, n: number) => new Date(start.getTime() + n * 60_000)

describe.each(Object.keys(stores))('the %s unknown-address lockout', (kind) => {
  it('locks at the fifth failure for 15 minutes, for that address only, then counts from zero', async () => {
    const locks = stores[kind]!()
    const address = `nobody-${randomUUID()}@example.test`
    const other = `other-${randomUUID()}@example.test`
    const start = new Date('2026-12-07T09:00:00Z')
    const failures = []
    for (let n = 0; n < 5; n++) failures.push(await locks.fail(address, start))
    expect(failures).toEqual([false, false, false, false, true])
    expect(await locks.locked(address, minutes(start, 14))).toBe(true)
    expect(await locks.locked(other, start)).toBe(false)
    expect(await locks.locked(address, minutes(start, 15.01))).toBe(false)
    expect(await locks.fail(address, minutes(start, 16))).toBe(false)
  })
})

it('forgets the failures of an address a day after the last one (memory)', async () => {
  const locks = createUnknownAddressLocks()
  const start = new Date('2026-12-07T09:00:00Z')
  for (let n = 0; n < 4; n++) await locks.fail('someone@example.test', start)
  expect(await locks.fail('someone@example.test', minutes(start, 24 * 60 + 1))).toBe(false)
})
