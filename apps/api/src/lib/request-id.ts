/**
 * Every request gets an id: in each of its log lines (`reqId`), in the X-Request-Id header of
 * its answer and in every error body, so that a user's screenshot or a proxy's log leads to the
 * server's lines. A proxy's incoming X-Request-Id is kept when it looks like an id (a UUID, a
 * trace id): never anything long, or with characters that could forge a log line or a header.
 */
import { randomUUID } from 'node:crypto'
import type { IncomingMessage } from 'node:http'

export const REQUEST_ID_HEADER = 'x-request-id'

const SANE_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{7,127}$/

export function requestId(request: IncomingMessage): string {
  const incoming = request.headers[REQUEST_ID_HEADER]
  return typeof incoming === 'string' && SANE_ID.test(incoming) ? incoming : randomUUID()
}
