/** Slow and silent clients are cut off, not held for minutes: headers, silence, and a body below a minimum rate. */
import net from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type App, build } from '../src/app.ts'
import type { ServerTimeouts } from '../src/lib/http-server.ts'
import { type TestContext, createTestContext } from './harness.ts'

let context: TestContext
let port: number
beforeAll(async () => {
  context = await createTestContext({ timeouts: { headersMs: 500, requestMs: 1_500, idleMs: 800, keepAliveMs: 200 } })
  await context.app.listen({ port: 0, host: '127.0.0.1' })
  port = (context.app.server.address() as net.AddressInfo).port
}, 60_000)
afterAll(() => context.close())

/** Another app on the same database, listening with `timeouts` of its own; its port. */
async function listening(timeouts: ServerTimeouts): Promise<{ app: App; port: number }> {
  const app = await build({ db: context.db, blobs: context.blobs, secrets: context.secrets, timeouts })
  await app.listen({ port: 0, host: '127.0.0.1' })
  return { app, port: (app.server.address() as net.AddressInfo).port }
}

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

/**
 * A body that trickles (one byte every few seconds) within a long request deadline: past the
 * grace period, the body must keep up a minimum rate (like mod_reqtimeout's MinRate). Here the
 * request deadline is 60 s, the grace 1 s and the rate 50 bytes a second.
 */
describe('slow request bodies', () => {
  let trickleApp: App
  let tricklePort: number
  beforeAll(async () => {
    ;({ app: trickleApp, port: tricklePort } = await listening({
      headersMs: 5_000,
      requestMs: 60_000,
      idleMs: 30_000,
      keepAliveMs: 200,
      bodyGraceMs: 1_000,
      bodyMinBytesPerSecond: 50,
    }))
  })
  afterAll(() => trickleApp?.close())

  /** Sends the headers, then `body` in pieces every `everyMs`; resolves with what was sent and answered when the server ends it. */
  function send(pieces: string[], everyMs: number): Promise<{ sent: number; answer: string }> {
    const length = pieces.join('').length
    return new Promise((resolve, reject) => {
      const socket = net.connect(tricklePort, '127.0.0.1')
      let sent = 0
      let answer = ''
      let timer: NodeJS.Timeout | undefined
      socket.on('connect', () => {
        socket.write(`POST /api/employee/login HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: ${length}\r\n\r\n`)
        const next = () => {
          const piece = pieces[sent]
          if (piece === undefined) return
          socket.write(piece)
          sent++
          timer = setTimeout(next, everyMs)
        }
        next()
      })
      socket.on('data', (chunk) => (answer += chunk.toString()))
      socket.on('error', () => {})
      socket.on('close', () => {
        clearTimeout(timer)
        resolve({ sent, answer })
      })
      setTimeout(() => {
        clearTimeout(timer)
        socket.destroy()
        reject(new Error(`the server kept the trickling client for 15 s (${sent} of ${pieces.length} pieces sent)`))
      }, 15_000).unref()
    })
  }

  it('drops a client whose body trickles below the minimum rate once the grace period is over', async () => {
    const body = JSON.stringify({ token: 'x'.repeat(43), password: 'y'.repeat(12) })
    const { sent } = await send([...body], 300)
    expect(sent).toBeLessThan(body.length)
  })

  it('answers a body that pauses within the grace period, and one sent at a normal pace', async () => {
    const body = JSON.stringify({ token: 'x'.repeat(43), password: 'y'.repeat(12) })
    const paused = await send([body.slice(0, 10), body.slice(10)], 500)
    expect(paused.sent).toBe(2)
    expect(paused.answer).toMatch(/^HTTP\/1\.1 (400|401) /)
    const response = await fetch(`http://127.0.0.1:${tricklePort}/api/employee/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
    })
    expect(response.status).toBe(401)
  })
})

/**
 * Behind a load balancer that reuses its connections, the keep-alive must outlast the balancer's
 * idle timeout (KEEP_ALIVE_SECONDS): a keep-alive longer than the silence allowed within a request
 * holds the idle connection for the next request, and closes it after.
 */
describe('a long keep-alive', () => {
  let keepApp: App
  let keepPort: number
  beforeAll(async () => {
    ;({ app: keepApp, port: keepPort } = await listening({ headersMs: 500, requestMs: 1_500, idleMs: 300, keepAliveMs: 2_000 }))
  })
  afterAll(() => keepApp?.close())

  it('answers a second request on the connection after longer than the idle timeout, and closes it once the keep-alive is over', async () => {
    const socket = net.connect(keepPort, '127.0.0.1')
    const answers: string[] = []
    let closedAt = 0
    socket.on('data', (chunk) => answers.push(chunk.toString()))
    socket.on('close', () => (closedAt = Date.now()))
    await new Promise((resolve) => socket.once('connect', resolve))
    const ask = async () => {
      const before = answers.length
      socket.write('GET /api/health/live HTTP/1.1\r\nHost: localhost\r\n\r\n')
      await expect.poll(() => answers.length, { timeout: 2_000 }).toBeGreaterThan(before)
    }
    await ask()
    await new Promise((resolve) => setTimeout(resolve, 900))
    expect(closedAt).toBe(0)
    await ask()
    expect(answers.join('')).toMatch(/^HTTP\/1\.1 200[\s\S]*HTTP\/1\.1 200/)
    const idleFrom = Date.now()
    await expect.poll(() => closedAt, { timeout: 5_000 }).toBeGreaterThan(0)
    expect(closedAt - idleFrom).toBeGreaterThan(1_000)
  })
})
