import { linkRequestSchema, linkResponseSchema, loginRequestSchema, redeemHandoffRequestSchema, sessionResponseSchema } from '@bango/shared/employee-api'
import type { FastifyInstance, FastifyRequest } from 'fastify'
import { AppError } from '../../errors.ts'
import { hashUrlToken } from '../../lib/secrets.ts'
import { route } from '../route.ts'

/** Logins per minute for one URL token, whatever the addresses (the lock after 5 failures still applies). */
export const PER_TOKEN_PER_MINUTE = 10

const tokenKey = (body: unknown) => {
  const token = typeof body === 'object' && body !== null && 'token' in body ? String(body.token) : ''
  return hashUrlToken(token)
}

/**
 * The two ways to open a session — URL token + password, or a handoff code scanned from a
 * signed-in PC — and, before either, who is asking (the company behind a link).
 */
export default async function login(app: FastifyInstance, options: { perMinute: number }) {
  const rateLimit = { max: options.perMinute, timeWindow: '1 minute' }
  const { credentials, handoffs, sessions } = app.services
  // Per URL token as well as per IP: many addresses guessing one employee's password share a budget.
  // (A second limiter of its own: the plugin runs only one route limiter per request.)
  const tokenLimit = app.createRateLimit({ max: PER_TOKEN_PER_MINUTE, timeWindow: '1 minute', keyGenerator: (request) => `token:${tokenKey(request.body)}` })
  const perToken = async (request: FastifyRequest) => {
    const limit = await tokenLimit(request)
    if (!limit.isAllowed && limit.isExceeded) throw new AppError('RATE_LIMITED')
  }

  // POST, so the token stays out of URLs and logs; limited per IP like the login it precedes.
  route(
    app,
    {
      method: 'POST',
      url: '/link',
      summary: 'Who is asking: the company behind a login link',
      body: linkRequestSchema,
      response: linkResponseSchema,
      config: { rateLimit },
    },
    async ({ body }) => {
      const { token } = body()
      return credentials.link(token)
    },
  )

  route(
    app,
    {
      method: 'POST',
      url: '/login',
      summary: 'Sign in with the URL token and password',
      body: loginRequestSchema,
      response: sessionResponseSchema,
      config: { rateLimit },
      preHandler: perToken,
    },
    async ({ body }, request) => {
      const { token, password } = body()
      const identity = await credentials.login(token, password, { ip: request.ip })
      return sessions.open(identity)
    },
  )

  route(
    app,
    {
      method: 'POST',
      url: '/session/handoff/redeem',
      summary: 'Sign in with a handoff code from a signed-in PC',
      body: redeemHandoffRequestSchema,
      response: sessionResponseSchema,
      config: { rateLimit },
    },
    async ({ body }) => {
      const { code } = body()
      const identity = await handoffs.redeem(code)
      return sessions.open(identity)
    },
  )
}
