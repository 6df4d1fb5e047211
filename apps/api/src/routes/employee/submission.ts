import type { FastifyInstance } from 'fastify'

export default async function submission(app: FastifyInstance) {
  app.post('/submission', async (request) => app.services.submissions.submit(request.employee))
}
