/**
 * Graceful shutdown of the HTTP side: stop accepting connections, answer 503 to new requests on
 * connections already open (Fastify's return503OnClosing), close idle keep-alive sockets at once
 * (forceCloseConnections: 'idle') and let every request in flight — an upload of a 15 MB photo on a
 * slow phone network included — finish for up to `graceMs`; only then are the remaining
 * connections cut.
 */
import type { FastifyInstance } from 'fastify'

export async function closeGracefully(app: FastifyInstance, options: { graceMs: number }): Promise<{ forced: boolean }> {
  let forced = false
  const force = setTimeout(() => {
    forced = true
    app.server.closeAllConnections()
  }, options.graceMs).unref()
  try {
    await app.close()
  } finally {
    clearTimeout(force)
  }
  return { forced }
}
