/**
 * For load balancers, orchestrators and uptime checks, without authentication:
 * - /api/health/live: the process answers (restart it when not);
 * - /api/health/ready: its dependencies answer (send it traffic only when so; 503 otherwise,
 *   and while it shuts down);
 * - /api/health: the process and its database (kept for existing checks).
 * Answers name the checks, never why one failed (that goes to the log).
 */
import type { FastifyInstance } from 'fastify'
import { checkReadiness } from '../lib/readiness.ts'

/** Answered whatever Redis does (plugins/external/rate-limit.ts): the checks say what is wrong. */
const health = { config: { health: true } } as const

export default async function healthRoutes(app: FastifyInstance) {
  app.get('/api/health', health, async () => {
    await app.services.health.check()
    return { status: 'ok' }
  })

  app.get('/api/health/live', health, async () => ({ status: 'ok' }))

  app.get('/api/health/ready', health, async (request, reply) => {
    const readiness = await checkReadiness(app.services.readiness)
    for (const failure of readiness.failures) request.log.warn({ check: failure.name, err: failure.error }, 'readiness check failed')
    return reply.status(readiness.ready ? 200 : 503).send({ status: readiness.ready ? 'ready' : 'unready', checks: readiness.checks })
  })
}
