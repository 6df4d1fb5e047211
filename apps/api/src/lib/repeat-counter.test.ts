/**
 * Both repeat counters answer alike: null for a repeat inside the window, and at the first event
 * after it, how many repeats went unrecorded. The Redis one on the local Redis (random names).
 */
import { randomUUID } from 'node:crypto'
import { afterAll, describe, expect, it } from 'vitest'
import { openRedis } from './redis.ts'
import { type RepeatCounter, createRedisRepeatCounter, createRepeatCounter } from './repeat-counter.ts'

const WINDOW_MS = 300
const redis = openRedis(process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379/12')
afterAll(() => redis.disconnect())

let clock = 0
const counters: Record<string, () => RepeatCounter> = {
  memory: () => createRepeatCounter(WINDOW_MS, () => new Date(clock)),
  redis: () => createRedisRepeatCounter(redis, `test-${randomUUID()}`, WINDOW_MS),
}
const pass = async (kind: string) => {
  if (kind === 'memory') clock += WINDOW_MS
  else await new Promise((resolve) => setTimeout(resolve, WINDOW_MS + 50))
}

describe.each(Object.keys(counters))('the %s repeat counter', (kind) => {
  it('records the first event, counts repeats inside the window and reports them with the next record', async () => {
    const counter = counters[kind]!()
    expect(await counter.note('198.51.100.1')).toBe(0)
    expect(await counter.note('198.51.100.1')).toBeNull()
    expect(await counter.note('198.51.100.1')).toBeNull()
    expect(await counter.note('198.51.100.2')).toBe(0)
    await pass(kind)
    expect(await counter.note('198.51.100.1')).toBe(2)
    expect(await counter.note('198.51.100.2')).toBe(0)
    expect(await counter.note('198.51.100.1')).toBeNull()
  })
})
