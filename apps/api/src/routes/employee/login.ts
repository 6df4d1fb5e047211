import { loginRequestSchema } from '@bango/shared/employee-api'
import type { FastifyInstance } from 'fastify'
import { parse } from '../../lib/parse.ts'

export default async function login(app: FastifyInstance, options: { perMinute: number }) {
  app.post('/login', { config: { rateLimit: { max: options.perMinute, timeWindow: '1 minute' } } }, async (request) => {
    const { token, password } = parse(loginRequestSchema, request.body)
    const identity = await app.services.credentials.login(token, password)
    return app.services.sessions.sign({ credentialId: identity.credentialId, version: identity.sessionVersion })
  })
}
