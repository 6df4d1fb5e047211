/** Issue 8, finding 5: slow and silent clients are cut off, not held for minutes. */
import net from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type TestContext, createTestContext } from './harness.ts'

let context: TestContext
let port: number
beforeAll(async () => {
  context = await createTestContext({ timeouts: { headersMs: 500, requestMs: 1_500, idleMs: 800, keepAliveMs: 200 } })
  await context.app.listen({ port: 0, host: '127.0.0.1' })
  port = (context.app.server.address() as net.AddressInfo).port
}, 60_000)
afterAll(() => context.close())

/** Opens a socket, lets `feed` write to it, and resolves with how long the server kept it open. */
function heldFor(feed: (socket: net.Socket) => () => void): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = Date.now()
    const socket = net.connect(port, '127.0.0.1')
    let stop = () => {}
    socket.on('connect', () => {
      stop = feed(socket)
    })
    socket.on('data', () => {})
    socket.on('error', () => {})
    socket.on('close', () => {
      stop()
      resolve(Date.now() - started)
    })
    setTimeout(() => {
      stop()
      socket.destroy()
      reject(new Error('the server kept the slow client for 10 s'))
    }, 10_000).unref()
  })
}

describe('slow clients', () => {
  it('drops a client that trickles its headers (slowloris) once the headers deadline passes', async () => {
    const held = await heldFor((socket) => {
      socket.write('GET /api/health HTTP/1.1\r\nHost: localhost\r\n')
      const trickle = setInterval(() => socket.write(`X-Slow-${Date.now()}: 1\r\n`), 100)
      return () => clearInterval(trickle)
    })
    expect(held).toBeLessThan(3_000)
  })

  it('drops a client that goes silent in the middle of a request', async () => {
    const held = await heldFor((socket) => {
      socket.write('POST /api/employee/login HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"tok')
      return () => {}
    })
    expect(held).toBeLessThan(3_000)
  })

  it('still answers a normal request', async () => {
    const response = await fetch(`http://127.0.0.1:${port}/api/health`)
    expect(response.status).toBe(200)
  })
})
