/**
 * Security headers on every response (HSTS when the public URL is https); `no-store` on HTML
 * (its URL may carry the login token) and on every error. API routes get `no-store` from their
 * scope (`noStore`, registered around them in app.ts), never from the spelling of the URL.
 */
import type { FastifyInstance, onSendHookHandler } from 'fastify'
import fp from 'fastify-plugin'

const CSP = [
  "default-src 'self'",
  "img-src 'self' blob: data:",
  "media-src 'self' blob:",
  "frame-ancestors 'none'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
].join('; ')

export const noStore: onSendHookHandler = (_request, reply, payload, done) => {
  reply.header('cache-control', 'no-store')
  done(null, payload)
}

export default fp(async function securityHeaders(app: FastifyInstance, options: { hsts: boolean }) {
  // Lower case, as Fastify keeps header names: it lower-cases each one it is given, on every answer.
  const headers: Record<string, string> = {
    ...(options.hsts ? { 'strict-transport-security': 'max-age=31536000; includeSubDomains' } : {}),
    'content-security-policy': CSP,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'x-frame-options': 'DENY',
    'cross-origin-opener-policy': 'same-origin',
    'permissions-policy': 'camera=(self), microphone=(), geolocation=()',
  }
  app.addHook('onSend', (_request, reply, payload, done) => {
    reply.headers(headers)
    const type = String(reply.getHeader('content-type') ?? '')
    if (type.startsWith('text/html') || reply.statusCode >= 400) reply.header('cache-control', 'no-store')
    done(null, payload)
  })
})
