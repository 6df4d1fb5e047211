import { consentRequestSchema } from '@bango/shared/employee-api'
import type { FastifyInstance } from 'fastify'
import { byEmployee } from '../../domain/audit.ts'
import { parse } from '../../lib/parse.ts'

/** Reachable before consent: the session itself, the summary and the consent screen. */
/** The routes a receipt-only session (after 完了) may still reach: see auth-gate.ts. */
export const afterSubmission = { config: { afterSubmission: true } } as const

export default async function session(app: FastifyInstance) {
  app.post('/session/refresh', afterSubmission, async (request) =>
    app.services.sessions.sign({ credentialId: request.employee.credentialId, version: request.employee.sessionVersion, sessionId: request.employeeSessionId }),
  )

  // 「ログアウト」: this session ends now; its tokens are refused from the next request on.
  app.post('/session/logout', afterSubmission, async (request, reply) => {
    await app.services.sessions.end(request.employeeSessionId)
    await app.services.audit.record({ ...byEmployee(request.employee), action: 'employee.logout', targetId: request.employeeSessionId })
    return reply.status(204).send()
  })

  app.post('/session/handoff', async (request, reply) => reply.status(201).send(await app.services.handoffs.issue(request.employee)))
  app.get('/session/handoff', async (request) => app.services.handoffs.lastRedeemedAt(request.employee))

  app.get('/me', afterSubmission, async (request) => app.services.consents.me(request.employee))

  app.post('/consent', async (request, reply) => {
    const { purposes, language } = parse(consentRequestSchema, request.body)
    return reply.status(201).send(await app.services.consents.consent(request.employee, purposes, language))
  })
}
