/**
 * Feeds the instance's metrics (lib/metrics.ts) from every request: duration by route pattern
 * and status, and the outcome of each sign-in. Unmatched URLs share one label, so a scan of
 * random paths cannot grow the series without bound.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify'
import fp from 'fastify-plugin'
import { AppError } from '../../errors.ts'
import type { LoginAudience, LoginOutcome, Metrics } from '../../lib/metrics.ts'

/** The ways in, by route: the password steps and the admin's second factor. */
const LOGIN_ROUTES: Record<string, LoginAudience> = {
  'POST /api/employee/login': 'employee',
  'POST /api/employee/session/handoff/redeem': 'employee',
  'POST /api/admin/session': 'admin',
  'POST /api/admin/session/totp': 'admin',
  'POST /api/admin/session/recovery-code': 'admin',
}

function loginOutcome(status: number, code: string | undefined): LoginOutcome {
  if (status < 300) return 'success'
  if (code === 'CREDENTIAL_LOCKED' || code === 'ACCOUNT_LOCKED') return 'locked'
  if (code === 'INVALID_CREDENTIALS' || code === 'TOTP_INVALID' || code === 'HANDOFF_INVALID') return 'failure'
  if (status === 429) return 'rate_limited'
  return 'refused'
}

export default fp(async function requestMetrics(app: FastifyInstance, options: { metrics: Metrics }) {
  const { metrics } = options
  const errorCodes = new WeakMap<FastifyRequest, string>()
  app.addHook('onError', async (request, _reply, error) => {
    if (error instanceof AppError) errorCodes.set(request, error.code)
  })
  app.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url ?? '(unmatched)'
    const status = reply.statusCode
    metrics.requests.observe({ method: request.method, route, status: String(status) }, reply.elapsedTime / 1000)
    const audience = LOGIN_ROUTES[`${request.method} ${route}`]
    if (audience) metrics.logins.inc({ audience, outcome: loginOutcome(status, errorCodes.get(request)) })
  })
})
