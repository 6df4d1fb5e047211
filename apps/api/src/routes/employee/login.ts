import { linkRequestSchema, loginRequestSchema, redeemHandoffRequestSchema } from '@bango/shared/employee-api'
import type { FastifyInstance, FastifyRequest } from 'fastify'
import { AppError } from '../../errors.ts'
import { parse } from '../../lib/parse.ts'
import { hashUrlToken } from '../../lib/secrets.ts'

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
  app.post('/link', { config: { rateLimit } }, async (request) => {
    const { token } = parse(linkRequestSchema, request.body)
    return credentials.link(token)
  })

  app.post('/login', { config: { rateLimit }, preHandler: perToken }, async (request) => {
    const { token, password } = parse(loginRequestSchema, request.body)
    const identity = await credentials.login(token, password, { ip: request.ip })
    return sessions.open(identity)
  })

  app.post('/session/handoff/redeem', { config: { rateLimit } }, async (request) => {
    const { code } = parse(redeemHandoffRequestSchema, request.body)
    const identity = await handoffs.redeem(code)
    return sessions.open(identity)
  })
}
