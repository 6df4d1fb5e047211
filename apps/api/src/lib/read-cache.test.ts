import { describe, expect, it } from 'vitest'
import type { ChangeFeed, ChangeListener } from './change-feed.ts'
import { createReadCache } from './read-cache.ts'

/** A feed the test announces through (the real one is tested on PostgreSQL in test/read-cache.test.ts). */
function testFeed() {
  const listeners: ChangeListener[] = []
  const feed: ChangeFeed = { live: () => true, onChange: (listener) => void listeners.push(listener), start: async () => {}, close: async () => {} }
  return { feed, announce: (employeeId: string | null) => listeners.forEach((listener) => listener(employeeId)) }
}

/** A load that counts its calls and answers `{ employeeId, n }`. */
function counted(employeeId: string) {
  let calls = 0
  return { load: async () => ({ employeeId, n: ++calls }), calls: () => calls }
}
const owner = (value: { employeeId: string }) => value.employeeId

describe('read cache', () => {
  it('keeps an answer until its employee’s rows change, and only theirs', async () => {
    const { feed, announce } = testFeed()
    const cache = createReadCache(feed)
    const [alice, bob] = [counted('alice'), counted('bob')]
    await cache.read('me:alice', owner, alice.load)
    await cache.read('me:bob', owner, bob.load)
    expect(await cache.read('me:alice', owner, alice.load)).toEqual({ employeeId: 'alice', n: 1 })
    announce('alice')
    expect(await cache.read('me:alice', owner, alice.load)).toEqual({ employeeId: 'alice', n: 2 })
    expect(await cache.read('me:bob', owner, bob.load)).toEqual({ employeeId: 'bob', n: 1 })
    announce(null)
    expect(await cache.read('me:bob', owner, bob.load)).toEqual({ employeeId: 'bob', n: 2 })
  })

  it('does not keep what a load read before a change announced while it ran', async () => {
    const { feed, announce } = testFeed()
    const cache = createReadCache(feed)
    let release!: () => void
    const slow = cache.read('me:alice', owner, () => new Promise<{ employeeId: string }>((resolve) => (release = () => resolve({ employeeId: 'alice' }))))
    // The change commits and is announced after the load's snapshot but before its answer.
    announce('bob')
    release()
    await slow
    const next = counted('alice')
    await cache.read('me:alice', owner, next.load)
    expect(next.calls()).toBe(1)
  })

  it('never keeps a null answer, reads again after the time to live, and holds at most maxEntries', async () => {
    const { feed } = testFeed()
    let clock = 0
    const cache = createReadCache(feed, { ttlMs: 1_000, maxEntries: 2, now: () => clock })
    let nulls = 0
    await cache.read('standing:x', owner, async () => (nulls++, null))
    await cache.read('standing:x', owner, async () => (nulls++, null))
    expect(nulls).toBe(2)

    const alice = counted('alice')
    await cache.read('me:alice', owner, alice.load)
    clock = 999
    await cache.read('me:alice', owner, alice.load)
    expect(alice.calls()).toBe(1)
    clock = 1_000
    await cache.read('me:alice', owner, alice.load)
    expect(alice.calls()).toBe(2)

    // Two more entries push the oldest (alice's) out.
    await cache.read('me:bob', owner, counted('bob').load)
    await cache.read('me:carol', owner, counted('carol').load)
    await cache.read('me:alice', owner, alice.load)
    expect(alice.calls()).toBe(3)
  })
})
