import { randomBytes, randomUUID } from 'node:crypto'
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib'
import type { LightMyRequestResponse } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type App, build } from '../src/app.ts'
import { redactUrl } from '../src/lib/redact-url.ts'
import { createOperator } from './factories.ts'
import { type TestContext, createTestContext, signedInEmployee } from './harness.ts'

const INDEX_HTML = '<!doctype html><html><head><title>Bango test SPA</title></head><body><div id="root"></div></body></html>'
const APP_JS = 'console.log("bango test bundle")'
const OUTSIDE_SECRET = `outside-the-web-root-${randomBytes(8).toString('hex')}`
/** A hashed chunk as the build writes it: with its brotli and gzip copies (apps/web/build/precompress.ts). */
const CHUNK_JS = `export const words = ${JSON.stringify(Array.from({ length: 400 }, (_, i) => `word-${i % 37}`))}\n`

let webParent: string
let context: TestContext
/** The same app without a web root (what the API tests and an API-only deployment run). */
let apiOnly: App

beforeAll(async () => {
  webParent = await fs.mkdtemp(path.join(os.tmpdir(), 'bango-web-'))
  const webRoot = path.join(webParent, 'dist')
  await fs.mkdir(path.join(webRoot, 'assets'), { recursive: true })
  await fs.writeFile(path.join(webRoot, 'index.html'), INDEX_HTML)
  await fs.writeFile(path.join(webRoot, 'assets', 'app.js'), APP_JS)
  await fs.writeFile(path.join(webRoot, 'assets', 'chunk-Ab12Cd34.js'), CHUNK_JS)
  await fs.writeFile(path.join(webRoot, 'assets', 'chunk-Ab12Cd34.js.br'), brotliCompressSync(CHUNK_JS))
  await fs.writeFile(path.join(webRoot, 'assets', 'chunk-Ab12Cd34.js.gz'), gzipSync(CHUNK_JS))
  await fs.writeFile(path.join(webRoot, 'robots.txt'), 'User-agent: *\nDisallow: /\n')
  // Next to the web root, not in it: must never be served.
  await fs.writeFile(path.join(webParent, 'secret.txt'), OUTSIDE_SECRET)

  context = await createTestContext({ webRoot })
  apiOnly = await build({ db: context.db, blobs: context.blobs, secrets: context.secrets })
  await apiOnly.ready()
})
afterAll(async () => {
  await apiOnly?.close()
  await context?.close()
  if (webParent) await fs.rm(webParent, { recursive: true, force: true })
})

function expectSecurityHeaders(response: LightMyRequestResponse, label: string) {
  const csp = String(response.headers['content-security-policy'] ?? '')
  const directives = csp.split(';').map((directive) => directive.trim())
  for (const directive of ["default-src 'self'", "frame-ancestors 'none'", "object-src 'none'", "base-uri 'none'"]) {
    expect(directives, `${label}: CSP ${csp}`).toContain(directive)
  }
  // Nothing in the policy re-opens script execution.
  expect(csp, label).not.toMatch(/unsafe-inline|unsafe-eval|\*/)
  expect(response.headers['x-content-type-options'], label).toBe('nosniff')
  expect(response.headers['referrer-policy'], label).toBe('no-referrer')
}

function expectNoStore(response: LightMyRequestResponse, label: string) {
  expect(response.headers['cache-control'], label).toBe('no-store')
}

describe('security headers on API responses', () => {
  it('are present, with no-store, on successes and on every kind of error', async () => {
    const employee = await signedInEmployee(context)
    for (const app of [context.app, apiOnly]) {
      const responses = {
        'login 200': await app.inject({ method: 'POST', url: '/api/employee/login', payload: { token: employee.token, password: employee.password } }),
        'me 200': await app.inject({ method: 'GET', url: '/api/employee/me', headers: employee.auth }),
        'persons 200': await app.inject({ method: 'GET', url: '/api/employee/persons', headers: employee.auth }),
        'me 401': await app.inject({ method: 'GET', url: '/api/employee/me' }),
        'login 401': await app.inject({ method: 'POST', url: '/api/employee/login', payload: { token: employee.token, password: 'wrong-password' } }),
        'login 400': await app.inject({ method: 'POST', url: '/api/employee/login', headers: { 'content-type': 'application/json' }, payload: '{' }),
        'person 404': await app.inject({
          method: 'PUT',
          url: `/api/employee/persons/${randomUUID()}/applicability`,
          headers: employee.auth,
          payload: { applicable: false },
        }),
      }
      const expected = { 'login 200': 200, 'me 200': 200, 'persons 200': 200, 'me 401': 401, 'login 401': 401, 'login 400': 400, 'person 404': 404 }
      for (const [label, response] of Object.entries(responses)) {
        expect(response.statusCode, `${label}: ${response.body}`).toBe(expected[label as keyof typeof expected])
        expect(response.headers['content-type'], label).toMatch(/^application\/json/)
        expectSecurityHeaders(response, label)
        expectNoStore(response, label)
      }
    }
  })

  it('answers an unknown /api path with a JSON NOT_FOUND and the same headers, with or without the SPA', async () => {
    const cases: [string, App, 'GET' | 'POST' | 'DELETE', string][] = [
      ['api only, GET', apiOnly, 'GET', '/api/nope'],
      ['api only, POST', apiOnly, 'POST', '/api/employee/nope'],
      ['with SPA, GET', context.app, 'GET', '/api/nope'],
      ['with SPA, GET deep', context.app, 'GET', '/api/employee/persons/x/y/z'],
      ['with SPA, POST', context.app, 'POST', '/api/employee/nope'],
      ['with SPA, DELETE', context.app, 'DELETE', '/api/employee/me'],
    ]
    for (const [label, app, method, url] of cases) {
      const response = await app.inject({ method, url })
      expect(response.statusCode, `${label}: ${response.body}`).toBe(404)
      expect(response.headers['content-type'], label).toMatch(/^application\/json/)
      expect(response.json(), label).toMatchObject({ error: { code: 'NOT_FOUND', message: expect.any(String) } })
      expect(response.body, label).not.toContain('<html')
      expectSecurityHeaders(response, label)
      expectNoStore(response, label)
    }
  })
})

describe('no-store by route, not by URL spelling', () => {
  it('is on every API answer however its path is spelled (percent-encoded)', async () => {
    const employee = await signedInEmployee(context)
    for (const url of ['/api/employee/me', '/%61pi/employee/me', '/api/employee/%6De']) {
      const response = await context.app.inject({ method: 'GET', url, headers: employee.auth })
      expect(response.statusCode, url).toBe(200)
      expect(response.headers['cache-control'], url).toBe('no-store')
    }
  })

  it('adds HSTS only when the public URL is https', async () => {
    const https = await build({ db: context.db, blobs: context.blobs, secrets: context.secrets, publicUrl: 'https://bango.example.jp' })
    try {
      const secure = await https.inject({ method: 'GET', url: '/api/health' })
      expect(secure.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains')
      const plain = await apiOnly.inject({ method: 'GET', url: '/api/health' })
      expect(plain.headers['strict-transport-security']).toBeUndefined()
    } finally {
      await https.close()
    }
  })

  it('sends the console session as a __Host- Secure cookie when the public URL is https (and only that name works)', async () => {
    const https = await build({ db: context.db, blobs: context.blobs, secrets: context.secrets, publicUrl: 'https://bango.example.jp' })
    try {
      const { operator, password } = await createOperator(https.services.operators)
      const signIn = await https.inject({ method: 'POST', url: '/api/admin/session', payload: { email: operator.email, password } })
      expect(signIn.statusCode).toBe(201)
      const setCookie = String(signIn.headers['set-cookie'])
      expect(setCookie).toMatch(/^__Host-bango_admin=[^;]+; /)
      for (const attribute of ['Path=/', 'HttpOnly', 'Secure', 'SameSite=Strict']) expect(setCookie).toContain(attribute)
      expect(setCookie).not.toMatch(/Domain=/i)
      const value = setCookie.split(';')[0]!.split('=')[1]!
      expect((await https.inject({ method: 'GET', url: '/api/admin/session', headers: { cookie: `__Host-bango_admin=${value}` } })).statusCode).toBe(200)
      expect((await https.inject({ method: 'GET', url: '/api/admin/session', headers: { cookie: `bango_admin=${value}` } })).statusCode).toBe(401)
    } finally {
      await https.close()
    }
  })
})

describe('the SPA', () => {
  it('serves index.html for /t/<token> and client routes (the console /admin deep links too), with the security headers and no-store', async () => {
    const token = randomBytes(32).toString('base64url')
    const consoleLinks = ['/admin', '/admin/', '/admin/login', `/admin/campaigns/${randomUUID()}/import`, '/admin/companies?x=1']
    for (const url of [`/t/${token}`, '/targets', '/', `/t/${token}?utm=x`, '/index.html', ...consoleLinks]) {
      const response = await context.app.inject({ method: 'GET', url })
      expect(response.statusCode, url).toBe(200)
      expect(response.headers['content-type'], url).toMatch(/^text\/html/)
      expect(response.body, url).toBe(INDEX_HTML)
      expectSecurityHeaders(response, url)
      expectNoStore(response, url)
    }
  })

  it('serves the built assets by name', async () => {
    const response = await context.app.inject({ method: 'GET', url: '/assets/app.js' })
    expect(response.statusCode).toBe(200)
    expect(response.headers['content-type']).toMatch(/javascript/)
    expect(response.body).toBe(APP_JS)
    expectSecurityHeaders(response, '/assets/app.js')
  })

  it('sends the brotli or gzip copy the browser accepts, and the file itself otherwise', async () => {
    const cases: [string | undefined, string | undefined, (body: Buffer) => Buffer][] = [
      ['br, gzip, deflate', 'br', brotliDecompressSync],
      ['gzip, deflate, br, zstd', 'br', brotliDecompressSync],
      ['gzip, deflate', 'gzip', gunzipSync],
      ['identity', undefined, (body) => body],
      [undefined, undefined, (body) => body],
    ]
    for (const [acceptEncoding, expected, decode] of cases) {
      const label = `Accept-Encoding: ${acceptEncoding}`
      const response = await context.app.inject({
        method: 'GET',
        url: '/assets/chunk-Ab12Cd34.js',
        headers: acceptEncoding ? { 'accept-encoding': acceptEncoding } : {},
      })
      expect(response.statusCode, label).toBe(200)
      expect(response.headers['content-encoding'], label).toBe(expected)
      expect(response.headers['content-type'], label).toMatch(/javascript/)
      expect(response.headers.vary, label).toMatch(/accept-encoding/i)
      if (expected) expect(response.rawPayload.length, label).toBeLessThan(CHUNK_JS.length / 4)
      expect(decode(response.rawPayload).toString(), label).toBe(CHUNK_JS)
      expectSecurityHeaders(response, label)
    }
  })

  it('caches hashed assets for a year without revalidation, revalidates other files and never stores index.html', async () => {
    for (const url of ['/assets/chunk-Ab12Cd34.js', '/assets/app.js']) {
      for (const headers of [{ 'accept-encoding': 'br' }, {}]) {
        const response = await context.app.inject({ method: 'GET', url, headers })
        expect(response.statusCode, url).toBe(200)
        expect(response.headers['cache-control'], url).toBe('public, max-age=31536000, immutable')
      }
    }
    const robots = await context.app.inject({ method: 'GET', url: '/robots.txt', headers: { 'accept-encoding': 'br, gzip' } })
    expect(robots.statusCode).toBe(200)
    expect(robots.headers['cache-control']).toBe('no-cache')
    for (const url of ['/index.html', '/t/abc', '/assets/missing-Zz99.js']) {
      const response = await context.app.inject({ method: 'GET', url, headers: { 'accept-encoding': 'br, gzip' } })
      expect(response.headers['content-type'], url).toMatch(/^text\/html/)
      expectNoStore(response, url)
    }
  })

  it('does not serve the compressed copies under their own names', async () => {
    for (const suffix of ['.br', '.gz']) {
      const response = await context.app.inject({ method: 'GET', url: `/assets/chunk-Ab12Cd34.js${suffix}` })
      // Not a file route: the SPA's index.html, like any unknown path.
      expect(response.headers['content-type'], suffix).toMatch(/^text\/html/)
      expect(response.body, suffix).toBe(INDEX_HTML)
    }
  })

  it('never serves a file outside the web root', async () => {
    for (const url of [
      '/../secret.txt',
      '/%2e%2e/secret.txt',
      '/assets/../../secret.txt',
      '/assets/%2e%2e/%2e%2e/secret.txt',
      '/assets/..%2f..%2fsecret.txt',
    ]) {
      const response = await context.app.inject({ method: 'GET', url })
      expect(response.body, url).not.toContain(OUTSIDE_SECRET)
      expect(response.statusCode, url).toBeLessThan(500)
    }
  })
})

describe('redactUrl', () => {
  const token = randomBytes(32).toString('base64url')

  const T = '<token>'
  it.each([
    `/t/${T}`,
    `/t/${T}/`,
    `/t/${T}?from=mail`,
    `/t/${T}#top`,
    `/?t=${T}`,
    `/login?t=${T}`,
    `/login?from=mail&t=${T}`,
    `/login?t=${T}&from=mail`,
    `/t/${T}?t=${T}`,
    `/login?t=${T}&t=${T}`,
  ])('removes every token from %s', (pattern) => {
    const redacted = redactUrl(pattern.replaceAll(T, token))
    expect(redacted).toBe(pattern.replaceAll(T, '[token]'))
    expect(redacted).not.toContain(token)
  })

  it.each([
    [`/T/${T}`, '/t/[token]'],
    [`/%74/${T}`, '/t/[token]'],
    [`/%54/${T}`, '/t/[token]'],
    [`//t/${T}`, '/t/[token]'],
    [`///h/${T}`, '/h/[token]'],
    [`/H/${T}`, '/h/[token]'],
    [`/login?%74=${T}`, '/login?t=[token]'],
    [`/login?T=${T}`, '/login?t=[token]'],
    [`/t/${T.replace('<', '%3C')}`, '/t/[token]'],
    [`/%E0%A4%A/t/${T}`, '/[unreadable]'],
    // Spellings that inject normalises away but a raw HTTP client sends as they are.
    [`/t/./${T}`, '/t/[token]'],
    [`/t/%2E/${T}`, '/t/[token]'],
    [`/x/../t/${T}`, '/x/../t/[token]'],
    [`/t//${T}`, '/t/[token]'],
    [`/t/%2F${T}`, '/t/[token]'],
    [`/t%3F${T}`, '/t/[token]'],
    [`/t/${T}/more/segments`, '/t/[token]'],
    [`/login?t%3D${T}`, '/login?t=[token]'],
  ])('sees through other spellings: %s', (pattern, expected) => {
    const redacted = redactUrl(pattern.replaceAll(T, token))
    expect(redacted).toBe(expected)
    expect(redacted).not.toContain(token)
  })

  it.each(['/api/employee/me', '/targets?tab=2', '/assets/app.js', '/api/employee/persons?at=1'])('leaves %s untouched', (url) => {
    expect(redactUrl(url)).toBe(url)
  })
})
