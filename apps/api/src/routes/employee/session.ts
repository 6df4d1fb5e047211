import { consentRequestSchema } from '@bango/shared/employee-api'
import type { FastifyInstance } from 'fastify'
import { parse } from '../../lib/parse.ts'

/** Reachable before consent: the session itself, the summary and the consent screen. */
export default async function session(app: FastifyInstance) {
  app.post('/session/refresh', async (request) =>
    app.services.sessions.sign({ credentialId: request.employee.credentialId, version: request.employee.sessionVersion }),
  )

  app.post('/session/handoff', async (request, reply) => reply.status(201).send(await app.services.handoffs.issue(request.employee)))

  app.get('/me', async (request) => app.services.consents.me(request.employee))

  app.post('/consent', async (request, reply) => {
    const { purposes } = parse(consentRequestSchema, request.body)
    return reply.status(201).send(await app.services.consents.consent(request.employee, purposes))
  })
}
