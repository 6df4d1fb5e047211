/**
 * The metrics listener: GET /metrics in Prometheus' text format, on its own port (METRICS_PORT,
 * off by default) and address (METRICS_HOST, loopback by default), so that the public port never
 * answers it and a network policy can open it to the scraper alone.
 * @see docs/decisions/019-metrics-exposure.md
 */
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Registry } from 'prom-client'

export async function startMetricsServer(registry: Registry, options: { host: string; port: number }) {
  const server = http.createServer((request, response) => {
    if (request.method !== 'GET' || request.url?.split('?')[0] !== '/metrics') {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found\n')
      return
    }
    registry.metrics().then(
      (text) => response.writeHead(200, { 'content-type': registry.contentType, 'cache-control': 'no-store' }).end(text),
      () => response.writeHead(500, { 'content-type': 'text/plain' }).end('metrics failed\n'),
    )
  })
  server.keepAliveTimeout = 5_000
  server.headersTimeout = 10_000
  server.requestTimeout = 10_000
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port, options.host, () => resolve())
  })
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      }),
  }
}
