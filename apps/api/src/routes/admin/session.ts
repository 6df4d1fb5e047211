/**
 * Signing in and out, the second factor (a TOTP code or a recovery code), TOTP enrolment and
 * password change. Each route names the sign-in stages it serves; only an ACTIVE session
 * reaches the rest of the console. Every route that checks a password or a code is rate
 * limited like sign-in.
 */
import { recoveryCodeRequestSchema, totpEnrolmentRequestSchema } from '@bango/shared/admin-account'
import {
  type AdminSessionResponse,
  adminLoginRequestSchema,
  passwordChangeRequestSchema,
  totpDisableRequestSchema,
  totpVerifyRequestSchema,
} from '@bango/shared/admin-api'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { AdminSession, AdminSessionStage } from '../../generated/prisma/client.ts'
import { parse } from '../../lib/parse.ts'
import { type AdminCookie, adminGate, clearSessionCookie, setSessionCookie } from './auth-gate.ts'

export default async function sessionRoutes(app: FastifyInstance, options: { cookie: AdminCookie; loginPerMinute: number }) {
  const { cookie } = options
  const limited = { config: { rateLimit: { max: options.loginPerMinute, timeWindow: '1 minute' } } }
  const { access, adminSessions, operators, audit } = app.services

  /** `address`: the caller's (request.ip); companies whose allow-list leaves it out are not listed. */
  async function describe(session: AdminSession, address: string): Promise<AdminSessionResponse> {
    const operator = await operators.get(session.operatorId)
    const identity = {
      operatorId: operator.id,
      sessionId: session.id,
      email: operator.email,
      name: operator.name,
      isSystemAdmin: operator.isSystemAdmin,
      address,
    }
    const companies = session.stage === 'ACTIVE' ? await access.companies(identity) : []
    return {
      stage: session.stage.toLowerCase() as AdminSessionResponse['stage'],
      csrfToken: session.csrfToken,
      operator: {
        id: operator.id,
        email: operator.email,
        name: operator.name,
        isSystemAdmin: operator.isSystemAdmin,
        totpEnabled: operator.totpEnabledAt !== null,
      },
      companies: companies.map((c) => ({ id: c.id, name: c.name, role: c.role, canExport: c.canExport })),
      expiresAt: session.expiresAt.toISOString(),
    }
  }

  /** Moves the session on (new token), recording the sign-in when it became ACTIVE. */
  async function advance(reply: FastifyReply, session: AdminSession, stage: AdminSessionStage) {
    const next = await app.services.transaction(async (tx) => {
      const moved = await adminSessions.advance(session.id, stage, tx)
      if (stage === 'ACTIVE') await operators.signedIn(session.operatorId, tx)
      return moved
    })
    setSessionCookie(reply, cookie, next.token)
    return describe(next.session, reply.request.ip)
  }

  // Public: the password step. JSON only, so a cross-site form cannot post it (login CSRF).
  app.post('/session', { config: { rateLimit: { max: options.loginPerMinute, timeWindow: '1 minute' } } }, async (request, reply) => {
    const { email, password } = parse(adminLoginRequestSchema, request.body)
    const operator = await operators.signIn(email, password)
    const stage = await operators.stageAfter(operator, { totpPassed: false })
    const opened = await app.services.transaction(async (tx) => {
      const created = await adminSessions.open(operator.id, stage, tx)
      if (stage === 'ACTIVE') await operators.signedIn(operator.id, tx)
      return created
    })
    setSessionCookie(reply, cookie, opened.token)
    return reply.status(201).send(await describe(opened.session, request.ip))
  })

  // Any stage: who am I, sign out.
  await app.register(async (anyStage) => {
    adminGate(anyStage, cookie, ['TOTP_REQUIRED', 'ENROLMENT_REQUIRED', 'PASSWORD_CHANGE_REQUIRED', 'ACTIVE'])
    anyStage.get('/session', async (request) => describe(request.adminSession, request.ip))
    anyStage.delete('/session', async (request, reply) => {
      await adminSessions.revoke(request.adminSession.id)
      await audit.record({
        companyId: null,
        actorType: 'operator',
        actorId: request.operator.operatorId,
        action: 'admin.logout',
        targetId: request.operator.operatorId,
      })
      clearSessionCookie(reply, cookie)
      return reply.status(204).send()
    })
  })

  await app.register(async (secondFactor) => {
    adminGate(secondFactor, cookie, ['TOTP_REQUIRED'])
    secondFactor.post('/session/totp', { config: { rateLimit: { max: options.loginPerMinute, timeWindow: '1 minute' } } }, async (request, reply) => {
      const { code } = parse(totpVerifyRequestSchema, request.body)
      await operators.verifyTotp(request.operator.operatorId, code)
      const operator = await operators.get(request.operator.operatorId)
      return advance(reply, request.adminSession, await operators.stageAfter(operator, { totpPassed: true }))
    })
    // The authenticator is lost: one of the codes shown at enrolment instead, used once.
    secondFactor.post('/session/recovery-code', limited, async (request, reply) => {
      const { code } = parse(recoveryCodeRequestSchema, request.body)
      await operators.verifyRecoveryCode(request.operator.operatorId, code)
      const operator = await operators.get(request.operator.operatorId)
      return advance(reply, request.adminSession, await operators.stageAfter(operator, { totpPassed: true }))
    })
  })

  await app.register(async (enrolment) => {
    adminGate(enrolment, cookie, ['ENROLMENT_REQUIRED', 'ACTIVE'])
    // The current password again: limited like sign-in, and a wrong one counts toward the lock.
    enrolment.post('/account/totp', limited, async (request, reply) => {
      const { currentPassword } = parse(totpEnrolmentRequestSchema, request.body)
      return reply.status(201).send(await operators.beginTotpEnrolment(request.operator.operatorId, currentPassword))
    })
    // The recovery codes are in this answer only: they are stored as hashes.
    enrolment.post('/account/totp/confirm', limited, async (request: FastifyRequest, reply) => {
      const { code } = parse(totpVerifyRequestSchema, request.body)
      const { operatorId, sessionId } = request.operator
      const recoveryCodes = await operators.confirmTotpEnrolment(operatorId, code, (tx) => adminSessions.revokeAll(operatorId, { keep: sessionId }, tx))
      if (request.adminSession.stage === 'ACTIVE') return { ...(await describe(request.adminSession, request.ip)), recoveryCodes }
      const operator = await operators.get(operatorId)
      return { ...(await advance(reply, request.adminSession, await operators.stageAfter(operator, { totpPassed: true }))), recoveryCodes }
    })
  })

  await app.register(async (account) => {
    adminGate(account, cookie, ['PASSWORD_CHANGE_REQUIRED', 'ACTIVE'])
    // The current password is checked here: limited like sign-in, and a wrong one counts toward the lock.
    account.put('/account/password', { config: { rateLimit: { max: options.loginPerMinute, timeWindow: '1 minute' } } }, async (request, reply) => {
      const { currentPassword, newPassword } = parse(passwordChangeRequestSchema, request.body)
      const { operatorId, sessionId } = request.operator
      await operators.changePassword(operatorId, currentPassword, newPassword, (tx) => adminSessions.revokeAll(operatorId, { keep: sessionId }, tx))
      if (request.adminSession.stage === 'ACTIVE') return describe(request.adminSession, request.ip)
      const operator = await operators.get(operatorId)
      return advance(reply, request.adminSession, await operators.stageAfter(operator, { totpPassed: true }))
    })
  })

  await app.register(async (active) => {
    adminGate(active, cookie)
    active.delete('/account/totp', { config: { rateLimit: { max: options.loginPerMinute, timeWindow: '1 minute' } } }, async (request, reply) => {
      const proof = parse(totpDisableRequestSchema, request.body)
      const { operatorId, sessionId } = request.operator
      await operators.disableTotp(operatorId, proof, (tx) => adminSessions.revokeAll(operatorId, { keep: sessionId }, tx))
      return reply.status(204).send()
    })
  })
}
