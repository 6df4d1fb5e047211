/**
 * The auth gates for everything under /api/employee: `authenticated` checks the session
 * JWT, that its session was not ended (logout, re-issue, lock, 8 h) and that its credential is
 * still live; after 「完了」 a session reaches only the routes marked `config: { afterSubmission:
 * true }` (the receipt, refresh, logout) and gets SESSION_RECEIPT_ONLY elsewhere; `consented`
 * additionally refuses until the employee agreed to the purposes of use. Disposal (廃棄) of the
 * employee ends every session: the gate answers it like an unknown one. The language the wizard
 * names (LANGUAGE_HEADER) is stored as the employee's when it changed.
 */
import { LANGUAGE_HEADER, isLanguage } from '@bango/shared/languages'
import type { FastifyInstance, FastifyRequest } from 'fastify'
import { AppError } from '../../errors.ts'

async function authenticate(app: FastifyInstance, request: FastifyRequest) {
  const header = request.headers.authorization
  const token = header?.startsWith('Bearer ') ? header.slice('Bearer '.length).trim() : null
  if (!token) throw new AppError('UNAUTHENTICATED')
  const claims = await app.services.sessions.verify(token)
  const standing = await app.services.credentials.standing(claims)
  if (!standing) throw new AppError('UNAUTHENTICATED')
  // The language the wizard shows, as the employee's: the e-mails after this one follow it (ADR 050).
  const language = request.headers[LANGUAGE_HEADER]
  if (isLanguage(language) && language !== standing.language) await app.services.employeeLanguage.remember(standing.identity.employeeId, language)
  if (standing.receiptOnly && request.routeOptions.config.afterSubmission !== true) throw new AppError('SESSION_RECEIPT_ONLY')
  request.employee = standing.identity
  request.employeeSessionId = claims.sessionId
  request.employeeStanding = standing
}

export function authenticated(app: FastifyInstance) {
  app.decorateRequest('employee')
  app.decorateRequest('employeeSessionId', '')
  app.decorateRequest('employeeStanding')
  app.addHook('onRequest', (request) => authenticate(app, request))
}

/** Read with the session by `authenticated` (one query for both). */
export function consented(app: FastifyInstance) {
  app.addHook('preHandler', async (request) => {
    if (!request.employeeStanding.consented) throw new AppError('CONSENT_REQUIRED')
  })
}
