/**
 * The one auth gate for /api/admin: a server-side session from the HttpOnly cookie (never a
 * bearer token: employee JWTs are ignored here), at one of the allowed sign-in stages, and the
 * session's CSRF token in a header on every unsafe method.
 */
import { CSRF_HEADER } from '@bango/shared/admin-api'
import { timingSafeEqual } from 'node:crypto'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { AdminSession, AdminSessionStage } from '../../generated/prisma/client.ts'
import { AppError } from '../../errors.ts'

export interface AdminCookie {
  /** `__Host-` prefixed when Secure: the browser then refuses it from http or another path/domain. */
  name: string
  secure: boolean
}

export const adminCookie = (publicUrl: string): AdminCookie => {
  const secure = publicUrl.startsWith('https:')
  return { name: secure ? '__Host-bango_admin' : 'bango_admin', secure }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

const sameToken = (a: string, b: string) => {
  const left = Buffer.from(a)
  const right = Buffer.from(b)
  return left.length === right.length && timingSafeEqual(left, right)
}

declare module 'fastify' {
  interface FastifyRequest {
    adminSession: AdminSession
  }
}

/** Requires a live session at one of `stages` (the console itself: ACTIVE only). */
export function adminGate(app: FastifyInstance, cookie: AdminCookie, stages: readonly AdminSessionStage[] = ['ACTIVE']) {
  app.decorateRequest('adminSession')
  app.decorateRequest('operator')
  app.addHook('onRequest', async (request: FastifyRequest) => {
    const token = request.cookies[cookie.name]
    const session = token ? await app.services.adminSessions.resolve(token) : null
    if (!session) throw new AppError('UNAUTHENTICATED')
    if (!SAFE_METHODS.has(request.method)) {
      const sent = request.headers[CSRF_HEADER]
      if (typeof sent !== 'string' || !sameToken(sent, session.csrfToken)) throw new AppError('CSRF_INVALID')
    }
    if (!stages.includes(session.stage)) throw new AppError('SESSION_STEP_REQUIRED')
    request.adminSession = session
    request.operator = {
      operatorId: session.operator.id,
      sessionId: session.id,
      email: session.operator.email,
      name: session.operator.name,
      isSystemAdmin: session.operator.isSystemAdmin,
      address: request.ip,
    }
  })
}

export function setSessionCookie(reply: FastifyReply, cookie: AdminCookie, token: string) {
  reply.setCookie(cookie.name, token, { path: '/', httpOnly: true, sameSite: 'strict', secure: cookie.secure })
}

export function clearSessionCookie(reply: FastifyReply, cookie: AdminCookie) {
  reply.clearCookie(cookie.name, { path: '/', httpOnly: true, sameSite: 'strict', secure: cookie.secure })
}
