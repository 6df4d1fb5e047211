/** For load balancers and uptime checks: the process is up and its database answers. */
import type { FastifyInstance } from 'fastify'

export default async function health(app: FastifyInstance) {
  app.get('/api/health', async () => {
    await app.services.health.check()
    return { status: 'ok' }
  })
}
