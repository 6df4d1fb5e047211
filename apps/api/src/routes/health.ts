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
import { route } from './route.ts'

/** Answered whatever Redis does (plugins/external/rate-limit.ts): the checks say what is wrong. */
const health = { config: { health: true } } as const

export default async function healthRoutes(app: FastifyInstance) {
  route(app, { ...health, method: 'GET', url: '/api/health', summary: 'The process and its database answer' }, async () => {
    await app.services.health.check()
    return { status: 'ok' }
  })

  route(app, { ...health, method: 'GET', url: '/api/health/live', summary: 'The process answers (liveness)' }, async () => ({ status: 'ok' }))

  route(
    app,
    { ...health, method: 'GET', url: '/api/health/ready', summary: 'Database, blob store and configured dependencies answer (readiness); 503 otherwise' },
    async (_, request, reply) => {
      const readiness = await checkReadiness(app.services.readiness)
      for (const failure of readiness.failures) request.log.warn({ check: failure.name, err: failure.error }, 'readiness check failed')
      return reply.status(readiness.ready ? 200 : 503).send({ status: readiness.ready ? 'ready' : 'unready', checks: readiness.checks })
    },
  )
}
