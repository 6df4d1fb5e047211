/**
 * Redis unreachable (REDIS_URL set, nothing answering): the shared limits cannot be counted, so
 * they fail closed — every request but the health checks gets 503 SERVER_BUSY with Retry-After,
 * at once — while liveness still answers (an outage must not restart every instance) and
 * readiness names Redis.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Redis, openRedis } from '../src/lib/redis.ts'
import { freePort } from './free-port.ts'
import { type TestContext, createTestContext } from './harness.ts'

describe('with Redis unreachable', () => {
  let context: TestContext
  let redis: Redis
  beforeAll(async () => {
    redis = openRedis(`redis://127.0.0.1:${await freePort()}`)
    redis.on('error', () => {})
    context = await createTestContext({ redis })
  })
  afterAll(async () => {
    redis?.disconnect()
    await context?.close()
  })

  it('refuses every request but the health checks with 503 SERVER_BUSY and Retry-After; liveness answers, readiness names Redis', async () => {
    const requests = [
      { method: 'POST', url: '/api/employee/login', payload: { token: 'x'.repeat(43), password: 'password' } },
      { method: 'GET', url: '/api/employee/me' },
      { method: 'GET', url: '/api/no-such-route' },
      { method: 'POST', url: '/api/admin/login', payload: { email: 'hr@example.test', password: 'password' } },
    ] as const
    for (const request of requests) {
      const response = await context.app.inject(request)
      expect(response.statusCode, `${request.method} ${request.url}`).toBe(503)
      expect(response.json().error.code).toBe('SERVER_BUSY')
      expect(response.headers['retry-after']).toBe('5')
    }
    expect((await context.app.inject({ method: 'GET', url: '/api/health/live' })).statusCode).toBe(200)
    const ready = await context.app.inject({ method: 'GET', url: '/api/health/ready' })
    expect(ready.statusCode).toBe(503)
    expect(ready.json()).toMatchObject({ status: 'unready', checks: { redis: 'failed', database: 'ok' } })
  })
})
