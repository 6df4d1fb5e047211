/**
 * A client behind a trusted proxy cannot choose its own address, logins are
 * limited per URL token as well as per address, and unknown-token attempts cannot grow the
 * audit table without bound.
 */
import { randomBytes } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadConfig } from '../src/config.ts'
import { PER_TOKEN_PER_MINUTE } from '../src/routes/employee/login.ts'
import { type TestContext, createTestContext } from './harness.ts'

describe('TRUST_PROXY', () => {
  it('takes a hop count or proxy addresses/CIDRs, and refuses "true" with the reason', () => {
    expect(loadConfig({ TRUST_PROXY: '1' }).trustProxy).toBe(1)
    expect(loadConfig({ TRUST_PROXY: '10.0.0.0/8, 127.0.0.1' }).trustProxy).toEqual(['10.0.0.0/8', '127.0.0.1'])
    expect(loadConfig({ TRUST_PROXY: 'false' }).trustProxy).toBe(false)
    expect(loadConfig({}).trustProxy).toBe(false)
    expect(() => loadConfig({ TRUST_PROXY: 'true' })).toThrow(/TRUST_PROXY: true would trust any client/)
    expect(() => loadConfig({ TRUST_PROXY: 'proxy.example' })).toThrow(/TRUST_PROXY/)
  })
})

describe('REDIS_URL', () => {
  it('is optional (the counters stay in memory) and must be a redis:// or rediss:// URL', () => {
    expect(loadConfig({}).redisUrl).toBeUndefined()
    expect(loadConfig({ REDIS_URL: 'redis://10.0.0.5:6379/2' }).redisUrl).toBe('redis://10.0.0.5:6379/2')
    expect(() => loadConfig({ REDIS_URL: 'http://10.0.0.5:6379' })).toThrow(/REDIS_URL: must start with redis:\/\/ or rediss:\/\//)
  })
})

const login = (context: TestContext, token: string, forwardedFor: string) =>
  context.app.inject({
    method: 'POST',
    url: '/api/employee/login',
    headers: { 'x-forwarded-for': forwardedFor },
    payload: { token, password: 'wrong-password' },
  })
const randomAddress = () => `203.0.113.${randomBytes(1)[0]}`

describe('behind one trusted proxy', () => {
  let strict: TestContext
  let roomy: TestContext
  beforeAll(async () => {
    strict = await createTestContext({ trustProxy: 1, rateLimits: { loginPerMinute: 5, uploadPerMinute: 60 } })
    roomy = await createTestContext({ trustProxy: 1, rateLimits: { loginPerMinute: 1000, uploadPerMinute: 60 } })
  }, 60_000)
  afterAll(async () => {
    await strict?.close()
    await roomy?.close()
  })

  it('rotating the X-Forwarded-For entries a client writes does not escape the per-address limit', async () => {
    const statuses = []
    // The proxy appends the real client address (198.51.100.7); the client forges what comes before it.
    for (let n = 0; n < 8; n++) statuses.push((await login(strict, randomBytes(32).toString('base64url'), `${randomAddress()}, 198.51.100.7`)).statusCode)
    expect(statuses.slice(0, 5).every((status) => status === 401)).toBe(true)
    expect(statuses.slice(5)).toEqual([429, 429, 429])
  })

  it(`limits one URL token to ${PER_TOKEN_PER_MINUTE} attempts a minute, from however many addresses`, async () => {
    const { token } = await roomy.newEmployee()
    const statuses = []
    for (let n = 0; n < PER_TOKEN_PER_MINUTE + 2; n++) statuses.push((await login(roomy, token, randomAddress())).statusCode)
    expect(statuses.slice(PER_TOKEN_PER_MINUTE)).toEqual([429, 429])
    expect(statuses.slice(0, PER_TOKEN_PER_MINUTE).every((status) => status === 401 || status === 423)).toBe(true)
  })

  it('writes one audit row per address and window for unknown tokens, however many are tried', async () => {
    const address = '198.51.100.99'
    const before = await roomy.db.auditEvent.count({ where: { action: 'employee.login_unknown_token' } })
    for (let n = 0; n < 30; n++) expect((await login(roomy, randomBytes(32).toString('base64url'), address)).statusCode).toBe(401)
    const after = await roomy.db.auditEvent.count({ where: { action: 'employee.login_unknown_token' } })
    expect(after - before).toBe(1)
  })
})
