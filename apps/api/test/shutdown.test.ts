/**
 * Graceful shutdown (lib/shutdown.ts, what server.ts runs on SIGTERM): an upload in flight when
 * the close begins still completes 201, while new requests are refused.
 */
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { closeGracefully } from '../src/lib/shutdown.ts'
import { type TestContext, createTestContext, imageUpload, signedInEmployee } from './harness.ts'
import { cardPhoto } from './images.ts'

let context: TestContext
beforeAll(async () => {
  context = await createTestContext()
})
afterAll(async () => {
  await context.close()
})

function send(port: number, options: http.RequestOptions) {
  const request = http.request({ host: '127.0.0.1', port, ...options })
  const response = new Promise<{ status: number; body: string }>((resolve, reject) => {
    request.on('response', (res) => {
      let body = ''
      res.setEncoding('utf8')
      res.on('data', (chunk: string) => (body += chunk))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }))
    })
    request.on('error', reject)
  })
  return { request, response }
}

it('finishes an upload in flight and refuses new requests while it closes', async () => {
  const employee = await signedInEmployee(context)
  const upload = imageUpload({ role: 'number', slot: 0, side: 'front', type: 'my_number_card' }, await cardPhoto({ width: 1600, height: 1000 }))
  await context.app.listen({ port: 0, host: '127.0.0.1' })
  const { port } = context.app.server.address() as AddressInfo
  const arrived = new Promise<void>((resolve) => context.app.server.once('request', () => resolve()))

  const inFlight = send(port, {
    method: 'POST',
    path: `/api/employee/persons/${employee.employee.id}/images`,
    headers: { ...employee.auth, ...upload.headers, 'content-length': upload.payload.length },
  })
  const half = Math.floor(upload.payload.length / 2)
  inFlight.request.write(upload.payload.subarray(0, half))
  await arrived

  const closed = closeGracefully(context.app, { graceMs: 60_000 })
  // A new request is refused: the listener is closed (refused), the new idle connection is closed
  // (reset), or, on a connection still open, 503.
  const late = await fetch(`http://127.0.0.1:${port}/api/health/live`).then(
    (response) => response.status,
    (error: Error) => ((error.cause ?? error) as { code?: string }).code,
  )
  expect(['ECONNREFUSED', 'ECONNRESET', 503], `new request during close: ${String(late)}`).toContain(late)

  inFlight.request.end(upload.payload.subarray(half))
  const result = await inFlight.response
  expect(result.status, result.body).toBe(201)
  expect(JSON.parse(result.body)).toMatchObject({ role: 'number', side: 'front' })
  expect(await closed).toEqual({ forced: false })
  expect(await context.db.document.count({ where: { personId: employee.employee.id } })).toBe(1)
})
