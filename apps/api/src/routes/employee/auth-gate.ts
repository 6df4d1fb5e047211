/**
 * The auth gates for everything under /api/employee: `authenticated` checks the session
 * JWT, that its session was not ended (logout, re-issue, lock, 8 h) and that its credential is
 * still live; after 「完了」 a session reaches only the routes marked `config: { afterSubmission:
 * true }` (the receipt, refresh, logout) and gets SESSION_RECEIPT_ONLY elsewhere; `consented`
 * additionally refuses until the
 * employee agreed to the purposes of use — and, once their documents were disposed of (廃棄),
 * always (DATA_DISPOSED): /me then carries the notice.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify'
import { AppError } from '../../errors.ts'

async function authenticate(app: FastifyInstance, request: FastifyRequest) {
  const header = request.headers.authorization
  const token = header?.startsWith('Bearer ') ? header.slice('Bearer '.length).trim() : null
  if (!token) throw new AppError('UNAUTHENTICATED')
  const claims = await app.services.sessions.verify(token)
  const [identity, session] = await Promise.all([
    app.services.credentials.resolve(claims.credentialId, claims.version),
    app.services.sessions.live(claims),
  ])
  if (!identity || !session) throw new AppError('UNAUTHENTICATED')
  if (session.receiptOnly && request.routeOptions.config.afterSubmission !== true) throw new AppError('SESSION_RECEIPT_ONLY')
  request.employee = identity
  request.employeeSessionId = claims.sessionId
}

export function authenticated(app: FastifyInstance) {
  app.decorateRequest('employee')
  app.decorateRequest('employeeSessionId', '')
  app.addHook('onRequest', (request) => authenticate(app, request))
}

export function consented(app: FastifyInstance) {
  app.addHook('preHandler', async (request) => {
    if (await app.services.consents.isDisposed(request.employee)) throw new AppError('DATA_DISPOSED')
    if (!(await app.services.consents.hasConsented(request.employee))) throw new AppError('CONSENT_REQUIRED')
  })
}
