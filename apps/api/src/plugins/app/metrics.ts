/**
 * Feeds the instance's metrics (lib/metrics.ts) from every request: duration by route pattern
 * and status, and the outcome of each sign-in. Unmatched URLs share one label, so a scan of
 * random paths cannot grow the series without bound.
 */
import type { FastifyInstance, FastifyRequest, onErrorHookHandler, onResponseHookHandler } from 'fastify'
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
  app.addHook('onResponse', (request, reply, done) => {
    metrics.requests.observe(
      { method: request.method, route: request.routeOptions.url ?? '(unmatched)', status: String(reply.statusCode) },
      reply.elapsedTime / 1000,
    )
    done()
  })
  // The outcome of a sign-in concerns the ways in only: their routes carry the hooks that count it.
  const errorCodes = new WeakMap<FastifyRequest, string>()
  const keepCode: onErrorHookHandler = (request, _reply, error, done) => {
    if (error instanceof AppError) errorCodes.set(request, error.code)
    done()
  }
  app.addHook('onRoute', (route) => {
    const audience = typeof route.method === 'string' ? LOGIN_ROUTES[`${route.method} ${route.url}`] : undefined
    if (!audience) return
    const countLogin: onResponseHookHandler = (request, reply, done) => {
      metrics.logins.inc({ audience, outcome: loginOutcome(reply.statusCode, errorCodes.get(request)) })
      done()
    }
    route.onError = [route.onError ?? []].flat().concat(keepCode)
    route.onResponse = [route.onResponse ?? []].flat().concat(countLogin)
  })
})
