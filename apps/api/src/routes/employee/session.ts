import { consentRequestSchema, handoffResponseSchema, handoffStatusResponseSchema, meResponseSchema, sessionResponseSchema } from '@bango/shared/employee-api'
import type { FastifyInstance } from 'fastify'
import { byEmployee } from '../../domain/audit.ts'
import { route } from '../route.ts'

/** Reachable before consent: the session itself, the summary and the consent screen. */
/** The routes a receipt-only session (after 完了) may still reach: see auth-gate.ts. */
export const afterSubmission = { config: { afterSubmission: true } } as const

export default async function session(app: FastifyInstance) {
  route(
    app,
    { ...afterSubmission, method: 'POST', url: '/session/refresh', summary: 'A fresh access token', response: sessionResponseSchema },
    async (_, request) =>
      app.services.sessions.sign({
        credentialId: request.employee.credentialId,
        version: request.employee.sessionVersion,
        sessionId: request.employeeSessionId,
      }),
  )

  // 「ログアウト」: this session ends now; its tokens are refused from the next request on.
  route(app, { ...afterSubmission, method: 'POST', url: '/session/logout', summary: 'End the session', status: 204 }, async (_, request, reply) => {
    await app.services.sessions.end(request.employeeSessionId)
    await app.services.audit.record({ ...byEmployee(request.employee), action: 'employee.logout', targetId: request.employeeSessionId })
    return reply.send()
  })

  route(
    app,
    { method: 'POST', url: '/session/handoff', summary: 'A handoff code to continue on a phone', response: handoffResponseSchema, status: 201 },
    async (_, request) => app.services.handoffs.issue(request.employee),
  )
  route(
    app,
    {
      method: 'GET',
      url: '/session/handoff',
      summary: 'Whether a phone has taken over: when a handoff code was last redeemed (the PC polls it)',
      response: handoffStatusResponseSchema,
    },
    async (_, request) => app.services.handoffs.lastRedeemedAt(request.employee),
  )

  route(
    app,
    { ...afterSubmission, method: 'GET', url: '/me', summary: 'The signed-in employee, campaign and progress', response: meResponseSchema },
    async (_, request) => app.services.consents.me(request.employee),
  )

  route(
    app,
    { method: 'POST', url: '/consent', summary: 'Consent to the purposes of use', body: consentRequestSchema, status: 201 },
    async ({ body }, request) => {
      const { purposes, language } = body()
      return app.services.consents.consent(request.employee, purposes, language)
    },
  )
}
