/**
 * A minimum rate for request bodies, after Apache mod_reqtimeout's `MinRate`: the body may take
 * `graceMs`, and every byte received buys 1/`minBytesPerSecond` s more. A client that falls
 * behind has its connection destroyed (the request never reaches a handler, or its body read
 * fails), long before the request deadline.
 *
 * Progress is read from the socket's byte count, never by listening to the body stream (which
 * would start it flowing before Fastify's parser is attached). While the server itself holds
 * unread bytes (a handler not reading yet), the client is not the slow one: the clock restarts.
 * @see https://httpd.apache.org/docs/2.4/mod/mod_reqtimeout.html
 */
import type { IncomingMessage, ServerResponse } from 'node:http'

export interface BodyRate {
  graceMs: number
  minBytesPerSecond: number
}

const hasBody = (request: IncomingMessage) =>
  request.headers['transfer-encoding'] !== undefined || (request.headers['content-length'] !== undefined && request.headers['content-length'] !== '0')

export function watchBodyRate(request: IncomingMessage, response: ServerResponse, rate: BodyRate): void {
  if (!hasBody(request) || request.complete) return
  const socket = request.socket
  let since = Date.now()
  let bytesAtStart = socket.bytesRead
  let timer: NodeJS.Timeout | undefined

  const check = () => {
    if (request.complete || response.writableEnded || socket.destroyed) return
    if (request.readableLength > 0) {
      since = Date.now()
      bytesAtStart = socket.bytesRead
    }
    const received = socket.bytesRead - bytesAtStart
    const left = since + rate.graceMs + (received * 1000) / rate.minBytesPerSecond - Date.now()
    if (left <= 0) {
      socket.destroy()
      return
    }
    timer = setTimeout(check, Math.max(50, left)).unref()
  }
  const stop = () => clearTimeout(timer)
  timer = setTimeout(check, rate.graceMs).unref()
  request.once('end', stop)
  request.once('close', stop)
  response.once('finish', stop)
  response.once('close', stop)
}
