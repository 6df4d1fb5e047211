/**
 * The application as a plugin-composed Fastify instance: `build()` is what tests inject
 * into and what server.ts listens with. No I/O happens here beyond what the deps bring.
 */
import Fastify, { LogController, type RouteOptions, type onSendHookHandler } from 'fastify'
import './types.ts'
import errorHandler from './plugins/app/error-handler.ts'
import requestMetrics from './plugins/app/metrics.ts'
import rateLimit from './plugins/external/rate-limit.ts'
import securityHeaders, { noStore } from './plugins/external/security-headers.ts'
import webApp from './plugins/external/web-app.ts'
import adminRoutes from './routes/admin/index.ts'
import { adminCookie } from './routes/admin/auth-gate.ts'
import employeeRoutes from './routes/employee/index.ts'
import health from './routes/health.ts'
import openapi from './openapi/plugin.ts'
import docsRoutes from './openapi/routes.ts'
import { type Metrics, createMetrics } from './lib/metrics.ts'
import { REQUEST_ID_HEADER, requestId } from './lib/request-id.ts'
import { DEFAULT_TIMEOUTS, type ServerTimeouts, httpServerFactory } from './lib/http-server.ts'
import { type ServiceDeps, createServices } from './services.ts'
import { redactUrl } from './lib/redact-url.ts'

export interface BuildOptions extends ServiceDeps {
  /** Per IP a minute; `notFoundPerMinute`: 404 answers before every request is refused (default 30). */
  rateLimits?: { loginPerMinute: number; uploadPerMinute: number; notFoundPerMinute?: number }
  /** Folder of the built SPA; omitted in API tests. */
  webRoot?: string
  /** Request and error logs; off when omitted (tests). */
  log?: { level: string; stream?: { write(line: string): void } }
  /** X-Forwarded-For entries to believe: a hop count or proxy addresses/CIDRs (config.ts). */
  trustProxy?: false | number | string[]
  /** Slow or silent clients are cut off (lib/http-server.ts); tests shorten them. */
  timeouts?: ServerTimeouts
  /** Base of the URLs handed to employees; https also makes the admin cookie Secure. */
  publicUrl?: string
  /** Sees every route as it is registered (the admin access-matrix test builds its table from it). */
  onRoute?: (route: RouteOptions) => void
  /** Where request and job metrics go (server.ts passes the one its metrics listener serves); a private one by default. */
  metrics?: Metrics
}

const DEFAULT_PUBLIC_URL = 'http://localhost:3000'
/** A person's browser rarely meets a 404; an enumeration meets little else. */
const DEFAULT_NOT_FOUND_PER_MINUTE = 30

/** A hop count means: believe the last N X-Forwarded-For entries (the proxies in front of Bango). */
const trustedProxies = (trust: false | number | string[]) => (typeof trust === 'number' ? (_address: string, hop: number) => hop < trust : trust)

export async function build(options: BuildOptions) {
  const app = Fastify({
    logger: options.log
      ? {
          level: options.log.level,
          ...(options.log.stream ? { stream: options.log.stream } : {}),
          // Requests are logged by method, redacted URL and address only: never headers or bodies.
          serializers: {
            req: (request: { method: string; url: string; ip?: string }) => ({ method: request.method, url: redactUrl(request.url), ip: request.ip }),
          },
          // Plugins log headers at debug/trace level (multipart logs its busboy options).
          redact: {
            paths: ['headers.authorization', '*.headers.authorization', '*.headers.cookie', 'headers.cookie', 'res.headers["set-cookie"]'],
            censor: '[redacted]',
          },
        }
      : false,
    // One line per request, when it is answered (below): two lines cost a synchronous write each.
    logController: new LogController({ disableRequestLogging: true }),
    trustProxy: trustedProxies(options.trustProxy ?? false),
    // Our own id, or a sane one from the proxy (lib/request-id.ts); Fastify's header option would take any.
    requestIdHeader: false,
    genReqId: requestId,
    bodyLimit: 64 * 1024,
    serverFactory: httpServerFactory(options.timeouts ?? DEFAULT_TIMEOUTS),
  })
  if (options.onRoute) app.addHook('onRoute', options.onRoute)
  if (options.log) {
    // The request line carries only what its serializers pick (method, redacted URL, address,
    // status), never a header or a body: the redaction of the other lines has nothing to find in it,
    // and its wildcard paths walk every field of every line — more than the rest of the line cost.
    // Its own logger goes without them (ADR 056).
    const requestLog = app.log.child({}, { redact: [] })
    app.addHook('onResponse', (request, reply, done) => {
      requestLog.info({ reqId: request.id, req: request, res: reply, responseTime: reply.elapsedTime }, 'request completed')
      done()
    })
  }
  app.addHook('onRequest', (request, reply, done) => {
    reply.header(REQUEST_ID_HEADER, request.id)
    done()
  })
  app.decorate('services', createServices({ ...options, logger: app.log, publicUrl: (options.publicUrl ?? DEFAULT_PUBLIC_URL).replace(/\/$/, '') }))
  // What a write changed is forgotten before its answer leaves, so the caller's next request reads
  // it afresh; other instances learn of it from the database (lib/read-cache.ts). The hook is put
  // on the routes that write (any method but GET and HEAD): a read does not run it.
  const forgetWrite: onSendHookHandler = (request, _reply, payload, done) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') app.services.readCache.forget(request.employee?.employeeId ?? null)
    done(null, payload)
  }
  app.addHook('onRoute', (route) => {
    if ([route.method].flat().some((method) => method !== 'GET' && method !== 'HEAD')) route.onSend = [route.onSend ?? []].flat().concat(forgetWrite)
  })
  app.addHook('onClose', () => Promise.all([app.services.numberOcr.close(), app.services.images.close()]))
  const metrics = options.metrics ?? createMetrics()
  metrics.watchImageQueue(app.services.imageWork)
  app.decorate('metrics', metrics)

  await app.register(errorHandler)
  await app.register(requestMetrics, { metrics })
  await app.register(securityHeaders, { hsts: (options.publicUrl ?? DEFAULT_PUBLIC_URL).startsWith('https:') })
  await app.register(rateLimit, { notFoundPerMinute: options.rateLimits?.notFoundPerMinute ?? DEFAULT_NOT_FOUND_PER_MINUTE, redis: options.redis ?? null })
  // Before the routes: it records each one as it is registered.
  await app.register(openapi)
  // Every API answer carries personal data: no-store is attached by this scope, whatever
  // spelling of the URL (percent-encoded, …) reached its routes.
  await app.register(async (api) => {
    api.addHook('onSend', noStore)
    await api.register(health)
    await api.register(employeeRoutes, {
      prefix: '/api/employee',
      rateLimits: options.rateLimits ?? { loginPerMinute: 20, uploadPerMinute: 60 },
    })
    await api.register(adminRoutes, {
      prefix: '/api/admin',
      cookie: adminCookie(options.publicUrl ?? DEFAULT_PUBLIC_URL),
      loginPerMinute: options.rateLimits?.loginPerMinute ?? 20,
    })
    await api.register(docsRoutes, { cookie: adminCookie(options.publicUrl ?? DEFAULT_PUBLIC_URL) })
  })
  if (options.webRoot) await app.register(webApp, { root: options.webRoot })
  return app
}
export type App = Awaited<ReturnType<typeof build>>
