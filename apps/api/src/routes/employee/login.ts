import { loginRequestSchema, redeemHandoffRequestSchema } from '@bango/shared/employee-api'
import type { FastifyInstance } from 'fastify'
import { parse } from '../../lib/parse.ts'

/** The two ways to open a session: URL token + password, or a handoff code scanned from a signed-in PC. */
export default async function login(app: FastifyInstance, options: { perMinute: number }) {
  const rateLimit = { max: options.perMinute, timeWindow: '1 minute' }
  const { credentials, handoffs, sessions } = app.services

  app.post('/login', { config: { rateLimit } }, async (request) => {
    const { token, password } = parse(loginRequestSchema, request.body)
    const identity = await credentials.login(token, password)
    return sessions.sign({ credentialId: identity.credentialId, version: identity.sessionVersion })
  })

  app.post('/session/handoff/redeem', { config: { rateLimit } }, async (request) => {
    const { code } = parse(redeemHandoffRequestSchema, request.body)
    const identity = await handoffs.redeem(code)
    return sessions.sign({ credentialId: identity.credentialId, version: identity.sessionVersion })
  })
}
