/**
 * Advisory-lock leadership (lib/leadership.ts) on a real PostgreSQL: one leader at a time, even
 * when both jobs of an instance ask at once; the lock passes on when the leader's session ends.
 */
import Fastify from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createLeadership } from '../src/lib/leadership.ts'
import { openTestDatabase } from './harness.ts'

const serverUrl = process.env.TEST_DATABASE_URL

describe.runIf(serverUrl)('advisory-lock leadership', () => {
  let database: Awaited<ReturnType<typeof openTestDatabase>>
  beforeAll(async () => {
    database = await openTestDatabase(serverUrl)
  })
  afterAll(() => database?.close())

  it('elects one instance, whoever asks how often and at once, and hands over when it ends', async () => {
    const log = Fastify({ logger: false }).log
    const [first, second] = [createLeadership(database.url!, log), createLeadership(database.url!, log)]
    try {
      // The sweeper and the retention job ask at once when an instance starts.
      expect(await Promise.all([first.isLeader(), first.isLeader()])).toEqual([true, true])
      expect(await first.isLeader()).toBe(true)
      expect(await second.isLeader()).toBe(false)
      await first.close()
      expect(await second.isLeader()).toBe(true)
      expect(await first.isLeader()).toBe(false)
    } finally {
      await first.close()
      await second.close()
    }
  })
})
