/**
 * Security headers on every response; `no-store` on every API response (they carry
 * personal data) and on HTML (its URL may carry the login token).
 */
import type { FastifyInstance } from 'fastify'
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

export default fp(async function securityHeaders(app: FastifyInstance) {
  app.addHook('onSend', async (request, reply) => {
    reply.header('Content-Security-Policy', CSP)
    reply.header('X-Content-Type-Options', 'nosniff')
    reply.header('Referrer-Policy', 'no-referrer')
    reply.header('X-Frame-Options', 'DENY')
    reply.header('Cross-Origin-Opener-Policy', 'same-origin')
    reply.header('Permissions-Policy', 'camera=(self), microphone=(), geolocation=()')
    const type = String(reply.getHeader('content-type') ?? '')
    if (request.url.startsWith('/api/') || type.startsWith('text/html')) reply.header('Cache-Control', 'no-store')
  })
})
