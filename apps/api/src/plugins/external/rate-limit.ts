/**
 * Per-IP rate limits, enabled per route through `config.rateLimit` (login, uploads), and one
 * budget of 404 answers per address: unknown paths and unknown ids are how a client enumerates,
 * so past `notFoundPerMinute` of them an address gets 429 for every request until the minute
 * is over (a found id cannot be told from a missing one by the status any more).
 * With `redis` the counts live there, shared by every instance; otherwise in this process.
 * While Redis is unreachable every request but the health checks gets 503 SERVER_BUSY (with
 * Retry-After), never a 500 or a request left waiting.
 */
import rateLimit from '@fastify/rate-limit'
import type { FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'
import { AppError } from '../../errors.ts'
import type { Redis } from '../../lib/redis.ts'

export interface RateLimitOptions {
  notFoundPerMinute: number
  redis?: Redis | null
}

export default fp(async function rateLimits(app: FastifyInstance, options: RateLimitOptions) {
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: () => new AppError('RATE_LIMITED'),
    ...(options.redis ? { redis: options.redis, nameSpace: 'bango:rate:' } : {}),
  })
  const notFound = app.createRateLimit({ max: options.notFoundPerMinute, timeWindow: '1 minute', keyGenerator: (request) => `404:${request.ip}` })
  const redis = options.redis
  /** Without the shared counts no limit holds: the limits fail closed, at once rather than after a failed command. */
  const countsUnreachable = () => redis != null && redis.status !== 'ready'
  // Root hooks: every route and the not-found handler, whatever spelling of the URL reached them.
  app.addHook('onRequest', (request, _reply, done) => {
    if (countsUnreachable()) {
      // Liveness is the process's own and readiness reports Redis: an outage must not restart every instance.
      if (request.routeOptions.config.health) return done()
      return done(new AppError('SERVER_BUSY', { message: 'The rate-limit store (Redis) is unreachable; retry shortly.' }))
    }
    notFound(request, { increment: false }).then((budget) => done(!budget.isAllowed && budget.remaining === 0 ? new AppError('RATE_LIMITED') : undefined), done)
  })
  // Counted before the 404 leaves (onSend, not onResponse): a client's next request, on any instance,
  // then finds this one counted — counted after, it raced the next request's check and one more got through.
  app.addHook('onSend', (request, reply, payload, done) => {
    if (reply.statusCode !== 404 || countsUnreachable()) return done(null, payload)
    notFound(request).then(() => done(null, payload), done)
  })
})
