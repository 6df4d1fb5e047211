/**
 * Signing in and out, the second factor (a TOTP code or a recovery code), TOTP enrolment and
 * password change. Each route names the sign-in stages it serves; only an ACTIVE session
 * reaches the rest of the console. Every route that checks a password or a code is rate
 * limited like sign-in.
 */
import { recoveryCodeRequestSchema, totpConfirmedResponseSchema, totpEnrolmentRequestSchema } from '@bango/shared/admin-account'
import {
  type AdminSessionResponse,
  adminLoginRequestSchema,
  adminSessionResponseSchema,
  passwordChangeRequestSchema,
  totpDisableRequestSchema,
  totpEnrolmentResponseSchema,
  totpVerifyRequestSchema,
} from '@bango/shared/admin-api'
import type { FastifyInstance, FastifyReply } from 'fastify'
import type { AdminSession, AdminSessionStage } from '../../generated/prisma/client.ts'
import { route } from '../route.ts'
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
  route(
    app,
    {
      method: 'POST',
      url: '/session',
      summary: 'Password step of the console sign-in',
      body: adminLoginRequestSchema,
      response: adminSessionResponseSchema,
      status: 201,
      config: { rateLimit: { max: options.loginPerMinute, timeWindow: '1 minute' } },
    },
    async ({ body }, request, reply) => {
      const { email, password } = body()
      const operator = await operators.signIn(email, password)
      const stage = await operators.stageAfter(operator, { totpPassed: false })
      const opened = await app.services.transaction(async (tx) => {
        const created = await adminSessions.open(operator.id, stage, tx)
        if (stage === 'ACTIVE') await operators.signedIn(operator.id, tx)
        return created
      })
      setSessionCookie(reply, cookie, opened.token)
      return describe(opened.session, request.ip)
    },
  )

  // Any stage: who am I, sign out.
  await app.register(async (anyStage) => {
    adminGate(anyStage, cookie, ['TOTP_REQUIRED', 'ENROLMENT_REQUIRED', 'PASSWORD_CHANGE_REQUIRED', 'ACTIVE'])
    route(anyStage, { method: 'GET', url: '/session', summary: 'The current console session', response: adminSessionResponseSchema }, async (_, request) =>
      describe(request.adminSession, request.ip),
    )
    route(anyStage, { method: 'DELETE', url: '/session', summary: 'Sign out (at any sign-in stage)', status: 204 }, async (_, request, reply) => {
      await adminSessions.revoke(request.adminSession.id)
      await audit.record({
        companyId: null,
        actorType: 'operator',
        actorId: request.operator.operatorId,
        action: 'admin.logout',
        targetId: request.operator.operatorId,
      })
      clearSessionCookie(reply, cookie)
      return reply.send()
    })
  })

  await app.register(async (secondFactor) => {
    adminGate(secondFactor, cookie, ['TOTP_REQUIRED'])
    route(
      secondFactor,
      {
        method: 'POST',
        url: '/session/totp',
        summary: 'Second factor',
        body: totpVerifyRequestSchema,
        response: adminSessionResponseSchema,
        config: { rateLimit: { max: options.loginPerMinute, timeWindow: '1 minute' } },
      },
      async ({ body }, request, reply) => {
        const { code } = body()
        await operators.verifyTotp(request.operator.operatorId, code)
        const operator = await operators.get(request.operator.operatorId)
        return advance(reply, request.adminSession, await operators.stageAfter(operator, { totpPassed: true }))
      },
    )
    // The authenticator is lost: one of the codes shown at enrolment instead, used once.
    route(
      secondFactor,
      {
        ...limited,
        method: 'POST',
        url: '/session/recovery-code',
        summary: 'Second factor by a recovery code (each works once)',
        body: recoveryCodeRequestSchema,
        response: adminSessionResponseSchema,
      },
      async ({ body }, request, reply) => {
        const { code } = body()
        await operators.verifyRecoveryCode(request.operator.operatorId, code)
        const operator = await operators.get(request.operator.operatorId)
        return advance(reply, request.adminSession, await operators.stageAfter(operator, { totpPassed: true }))
      },
    )
  })

  await app.register(async (enrolment) => {
    adminGate(enrolment, cookie, ['ENROLMENT_REQUIRED', 'ACTIVE'])
    // The current password again: limited like sign-in, and a wrong one counts toward the lock.
    route(
      enrolment,
      {
        ...limited,
        method: 'POST',
        url: '/account/totp',
        summary: 'Start TOTP enrolment (after the current password)',
        body: totpEnrolmentRequestSchema,
        response: totpEnrolmentResponseSchema,
        status: 201,
      },
      async ({ body }, request) => {
        const { currentPassword } = body()
        return operators.beginTotpEnrolment(request.operator.operatorId, currentPassword)
      },
    )
    // The recovery codes are in this answer only: they are stored as hashes.
    route(
      enrolment,
      {
        ...limited,
        method: 'POST',
        url: '/account/totp/confirm',
        summary: 'Confirm TOTP enrolment; answers the recovery codes once',
        body: totpVerifyRequestSchema,
        response: totpConfirmedResponseSchema,
      },
      async ({ body }, request, reply) => {
        const { code } = body()
        const { operatorId, sessionId } = request.operator
        const recoveryCodes = await operators.confirmTotpEnrolment(operatorId, code, (tx) => adminSessions.revokeAll(operatorId, { keep: sessionId }, tx))
        if (request.adminSession.stage === 'ACTIVE') return { ...(await describe(request.adminSession, request.ip)), recoveryCodes }
        const operator = await operators.get(operatorId)
        return { ...(await advance(reply, request.adminSession, await operators.stageAfter(operator, { totpPassed: true }))), recoveryCodes }
      },
    )
  })

  await app.register(async (account) => {
    adminGate(account, cookie, ['PASSWORD_CHANGE_REQUIRED', 'ACTIVE'])
    // The current password is checked here: limited like sign-in, and a wrong one counts toward the lock.
    route(
      account,
      {
        method: 'PUT',
        url: '/account/password',
        summary: 'Change the password',
        body: passwordChangeRequestSchema,
        config: { rateLimit: { max: options.loginPerMinute, timeWindow: '1 minute' } },
      },
      async ({ body }, request, reply) => {
        const { currentPassword, newPassword } = body()
        const { operatorId, sessionId } = request.operator
        await operators.changePassword(operatorId, currentPassword, newPassword, (tx) => adminSessions.revokeAll(operatorId, { keep: sessionId }, tx))
        if (request.adminSession.stage === 'ACTIVE') return describe(request.adminSession, request.ip)
        const operator = await operators.get(operatorId)
        return advance(reply, request.adminSession, await operators.stageAfter(operator, { totpPassed: true }))
      },
    )
  })

  await app.register(async (active) => {
    adminGate(active, cookie)
    route(
      active,
      {
        method: 'DELETE',
        url: '/account/totp',
        summary: 'Turn TOTP off',
        body: totpDisableRequestSchema,
        status: 204,
        config: { rateLimit: { max: options.loginPerMinute, timeWindow: '1 minute' } },
      },
      async ({ body }, request, reply) => {
        const proof = body()
        const { operatorId, sessionId } = request.operator
        await operators.disableTotp(operatorId, proof, (tx) => adminSessions.revokeAll(operatorId, { keep: sessionId }, tx))
        return reply.send()
      },
    )
  })
}
