/**
 * The HTTP server under Fastify, with every timeout set: a client that sends its headers or
 * body too slowly, or goes silent, is cut off instead of holding a connection for minutes
 * (slowloris). Node checks headers/request deadlines every `connectionsCheckingInterval`.
 * A body must also keep up a minimum rate once a grace period is over (body-rate.ts), or one
 * byte every few seconds would hold a connection for the whole request deadline.
 * @see https://nodejs.org/api/http.html#httpcreateserveroptions-requestlistener
 */
import type { FastifyServerFactory } from 'fastify'
import http from 'node:http'
import { watchBodyRate } from './body-rate.ts'

export interface ServerTimeouts {
  /** All request headers must have arrived by then. */
  headersMs: number
  /** The whole request, body included (a 15 MB photo on a slow phone network fits). */
  requestMs: number
  /** A socket with no traffic at all is closed. */
  idleMs: number
  /** An idle keep-alive connection is kept this long for the next request. */
  keepAliveMs: number
  /** A body may arrive at any pace this long after the headers… */
  bodyGraceMs?: number
  /** …then it must average at least this many bytes a second (each byte buys 1/rate s more). */
  bodyMinBytesPerSecond?: number
}

/** The body rule is Apache mod_reqtimeout's default (`body=20,MinRate=500`) with a shorter grace. */
export const DEFAULT_TIMEOUTS = {
  headersMs: 15_000,
  requestMs: 180_000,
  idleMs: 30_000,
  keepAliveMs: 5_000,
  bodyGraceMs: 10_000,
  bodyMinBytesPerSecond: 500,
} satisfies Required<ServerTimeouts>

export function httpServerFactory(timeouts: ServerTimeouts): FastifyServerFactory {
  const bodyRate = {
    graceMs: timeouts.bodyGraceMs ?? DEFAULT_TIMEOUTS.bodyGraceMs,
    minBytesPerSecond: timeouts.bodyMinBytesPerSecond ?? DEFAULT_TIMEOUTS.bodyMinBytesPerSecond,
  }
  return (handler) => {
    const server = http.createServer(
      {
        headersTimeout: timeouts.headersMs,
        requestTimeout: timeouts.requestMs,
        keepAliveTimeout: timeouts.keepAliveMs,
        connectionsCheckingInterval: Math.max(50, Math.min(1_000, Math.floor(timeouts.headersMs / 4))),
      },
      (request, response) => {
        watchBodyRate(request, response, bodyRate)
        ;(handler as http.RequestListener)(request, response)
      },
    )
    server.setTimeout(timeouts.idleMs)
    return server
  }
}
