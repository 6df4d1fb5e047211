/**
 * The HTTP server under Fastify, with every timeout set: a client that sends its headers or
 * body too slowly, or goes silent, is cut off instead of holding a connection for minutes
 * (slowloris). Node checks headers/request deadlines every `connectionsCheckingInterval`.
 * @see https://nodejs.org/api/http.html#httpcreateserveroptions-requestlistener
 */
import type { FastifyServerFactory } from 'fastify'
import http from 'node:http'

export interface ServerTimeouts {
  /** All request headers must have arrived by then. */
  headersMs: number
  /** The whole request, body included (a 15 MB photo on a slow phone network fits). */
  requestMs: number
  /** A socket with no traffic at all is closed. */
  idleMs: number
  /** An idle keep-alive connection is kept this long for the next request. */
  keepAliveMs: number
}

export const DEFAULT_TIMEOUTS: ServerTimeouts = { headersMs: 15_000, requestMs: 180_000, idleMs: 30_000, keepAliveMs: 5_000 }

export function httpServerFactory(timeouts: ServerTimeouts): FastifyServerFactory {
  return (handler) => {
    const server = http.createServer(
      {
        headersTimeout: timeouts.headersMs,
        requestTimeout: timeouts.requestMs,
        keepAliveTimeout: timeouts.keepAliveMs,
        connectionsCheckingInterval: Math.max(50, Math.min(1_000, Math.floor(timeouts.headersMs / 4))),
      },
      handler as http.RequestListener,
    )
    server.setTimeout(timeouts.idleMs)
    return server
  }
}
