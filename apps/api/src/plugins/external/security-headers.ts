/**
 * Security headers on every response (HSTS when the public URL is https); `no-store` on HTML
 * (its URL may carry the login token) and on every error. API routes get `no-store` from their
 * scope (`noStore`, registered around them in app.ts), never from the spelling of the URL.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
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

export const noStore = async (_request: FastifyRequest, reply: FastifyReply) => {
  reply.header('Cache-Control', 'no-store')
}

export default fp(async function securityHeaders(app: FastifyInstance, options: { hsts: boolean }) {
  app.addHook('onSend', async (_request, reply) => {
    if (options.hsts) reply.header('Strict-Transport-Security', 'max-age=31536000; includeSubDomains')
    reply.header('Content-Security-Policy', CSP)
    reply.header('X-Content-Type-Options', 'nosniff')
    reply.header('Referrer-Policy', 'no-referrer')
    reply.header('X-Frame-Options', 'DENY')
    reply.header('Cross-Origin-Opener-Policy', 'same-origin')
    reply.header('Permissions-Policy', 'camera=(self), microphone=(), geolocation=()')
    const type = String(reply.getHeader('content-type') ?? '')
    if (type.startsWith('text/html') || reply.statusCode >= 400) reply.header('Cache-Control', 'no-store')
  })
})
