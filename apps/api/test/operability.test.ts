/**
 * Operability (ADR 019): health (live/ready), request ids in answers and logs, and Prometheus metrics
 * that label by route pattern and are served only by the metrics listener.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startSweeper } from '../src/domain/sweeper.ts'
import { startMetricsServer } from '../src/lib/metrics-server.ts'
import { type TestContext, createTestContext, imageUpload, signedInEmployee } from './harness.ts'
import { cardPhoto } from './images.ts'

const lines: string[] = []
let redisUp = true
let context: TestContext
beforeAll(async () => {
  context = await createTestContext({
    log: { level: 'info', stream: { write: (line: string) => void lines.push(line) } },
    // Stands for a configured Redis (BuildOptions.readinessChecks).
    readinessChecks: [
      {
        name: 'redis',
        check: async () => {
          if (!redisUp) throw new Error('connection refused')
        },
      },
    ],
  })
})
afterAll(async () => {
  await context.close()
})

describe('health', () => {
  it('answers live, ready (naming its checks) and the old /api/health', async () => {
    const live = await context.app.inject({ method: 'GET', url: '/api/health/live' })
    expect([live.statusCode, live.json()]).toEqual([200, { status: 'ok' }])
    const ready = await context.app.inject({ method: 'GET', url: '/api/health/ready' })
    expect([ready.statusCode, ready.json()]).toEqual([200, { status: 'ready', checks: { database: 'ok', blobStore: 'ok', redis: 'ok' } }])
    const health = await context.app.inject({ method: 'GET', url: '/api/health' })
    expect([health.statusCode, health.json()]).toEqual([200, { status: 'ok' }])
  })

  it('is not ready (503) while a check fails, says which, and logs why', async () => {
    redisUp = false
    try {
      const ready = await context.app.inject({ method: 'GET', url: '/api/health/ready' })
      expect([ready.statusCode, ready.json()]).toEqual([503, { status: 'unready', checks: { database: 'ok', blobStore: 'ok', redis: 'failed' } }])
      expect(ready.body).not.toContain('connection refused')
      expect(lines.join('')).toContain('connection refused')
      expect((await context.app.inject({ method: 'GET', url: '/api/health/live' })).statusCode).toBe(200)
    } finally {
      redisUp = true
    }
  })
})

describe('request ids', () => {
  it('puts the id in the header, in every error body and in every log line of the request', async () => {
    const before = lines.length
    const response = await context.app.inject({ method: 'POST', url: '/api/employee/login', payload: { token: 'x'.repeat(43), password: 'wrong-password' } })
    expect(response.statusCode).toBeGreaterThanOrEqual(400)
    const id = response.headers['x-request-id']
    expect(id).toMatch(/^[0-9a-f-]{36}$/)
    expect(response.json().error.requestId).toBe(id)
    const requestLines = lines.slice(before).map((line) => JSON.parse(line) as { reqId?: string; msg: string })
    expect(requestLines.length).toBeGreaterThanOrEqual(2)
    for (const line of requestLines) expect(line.reqId, line.msg).toBe(id)

    const notFound = await context.app.inject({ method: 'GET', url: '/api/nothing-here' })
    expect(notFound.json().error.requestId).toBe(notFound.headers['x-request-id'])
    const ok = await context.app.inject({ method: 'GET', url: '/api/health/live' })
    expect(ok.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/)
  })

  it('keeps a sane incoming X-Request-Id and replaces anything else', async () => {
    const sane = 'lb-7f3a9c2e.1733900000:42'
    const kept = await context.app.inject({ method: 'GET', url: '/api/health/live', headers: { 'x-request-id': sane } })
    expect(kept.headers['x-request-id']).toBe(sane)
    for (const hostile of [
      'short',
      'a'.repeat(129),
      'abc def ghi',
      'abcdefgh"}\\n{"level":60',
      '<script>alert(1)</script>',
      '../../../etc/passwd',
      'ａｂｃｄｅｆｇｈｉ',
    ]) {
      const response = await context.app.inject({ method: 'GET', url: '/api/health/live', headers: { 'x-request-id': hostile } })
      expect(response.headers['x-request-id'], hostile).toMatch(/^[0-9a-f-]{36}$/)
    }
  })
})

describe('metrics', () => {
  it('counts requests by route pattern, uploads, sign-ins and the image queue, never a token or an id', async () => {
    const employee = await signedInEmployee(context)
    const photo = await cardPhoto()
    const body = imageUpload({ role: 'number', slot: 0, side: 'front', type: 'my_number_card' }, photo)
    const upload = await context.app.inject({
      method: 'POST',
      url: `/api/employee/persons/${employee.employee.id}/images`,
      headers: { ...employee.auth, ...body.headers },
      payload: body.payload,
    })
    expect(upload.statusCode).toBe(201)
    await context.app.inject({ method: 'GET', url: `/t/${employee.token}` })
    await context.app.inject({ method: 'POST', url: '/api/employee/login', payload: { token: employee.token, password: 'wrong-password' } })

    const text = await context.app.metrics.registry.metrics()
    expect(text).toMatch(/bango_http_request_duration_seconds_count\{method="POST",route="\/api\/employee\/persons\/:personId\/images",status="201"\} 1/)
    expect(text).toMatch(/bango_http_request_duration_seconds_count\{method="GET",route="\(unmatched\)",status="404"\}/)
    expect(text).toMatch(/bango_logins_total\{audience="employee",outcome="success"\} [1-9]/)
    expect(text).toMatch(/bango_logins_total\{audience="employee",outcome="failure"\} [1-9]/)
    expect(text).toContain(`bango_upload_bytes_total ${photo.length}`)
    expect(text).toContain('bango_image_queue_jobs{state="waiting"} 0')
    for (const secret of [employee.token, employee.employee.id, employee.accessToken]) expect(text).not.toContain(secret)
  })

  it('counts job runs', async () => {
    const sweeper = startSweeper(context.app.services.drafts, { intervalMs: 3_600_000, log: context.app.log, metrics: context.app.metrics })
    await sweeper.stop()
    expect(await context.app.metrics.registry.metrics()).toMatch(/bango_job_runs_total\{job="sweeper",outcome="ok"\} 1/)
  })

  it('are not served on the public port, only by the metrics listener', async () => {
    for (const url of ['/metrics', '/api/metrics', '/api/health/metrics']) {
      expect((await context.app.inject({ method: 'GET', url })).statusCode, url).toBe(404)
    }
    const listener = await startMetricsServer(context.app.metrics.registry, { host: '127.0.0.1', port: 0 })
    try {
      const response = await fetch(`http://127.0.0.1:${listener.port}/metrics`)
      expect(response.status).toBe(200)
      expect(response.headers.get('content-type')).toContain('text/plain')
      expect(await response.text()).toContain('bango_http_request_duration_seconds_bucket')
      expect((await fetch(`http://127.0.0.1:${listener.port}/api/health`)).status).toBe(404)
    } finally {
      await listener.close()
    }
  })
})
