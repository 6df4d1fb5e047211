/**
 * Three instances of the built artifact on one PostgreSQL database, one Redis and one S3 server
 * (s3rver), behind a round-robin proxy started here: an employee's whole flow, each request on
 * the next instance, survives the leader being killed (SIGKILL) half-way; the per-IP and per-token
 * login limits, the 404 budget and the unknown-token audit counter hold across instances; the scheduled passes
 * (sweeper, retention) run on one instance at a time. PostgreSQL only (PGlite is one process).
 * @see docs/decisions/021-many-instances.md
 */
import { execFileSync } from 'node:child_process'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createEmployeeWithLogin } from './factories.ts'
import { generateKeySet } from '../src/lib/keys.ts'
import { type Redis, openRedis } from '../src/lib/redis.ts'
import { PER_TOKEN_PER_MINUTE } from '../src/routes/employee/login.ts'
import { createServices } from '../src/services.ts'
import { type TestBlobStore, openTestBlobStore } from './blob-stores.ts'
import { imageUpload, openTestDatabase, testSecrets } from './harness.ts'
import { cardPhoto } from './images.ts'
import { validNumber } from './submitted.ts'
import { type Instance, startInstance, startProxy } from './instances.ts'

const REPO = path.resolve(import.meta.dirname, '../../..')
const serverUrl = process.env.TEST_DATABASE_URL
/** A Redis database of this suite's own, flushed before it runs. */
const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379/13'
const LOGIN_PER_MINUTE = 5
const NOT_FOUND_PER_MINUTE = 4

describe.runIf(serverUrl)('three instances behind a round-robin proxy', () => {
  let database: Awaited<ReturnType<typeof openTestDatabase>>
  let store: TestBlobStore
  let redis: Redis
  const instances: Instance[] = []
  let proxy: Awaited<ReturnType<typeof startProxy>>

  beforeAll(async () => {
    execFileSync(process.execPath, [path.join(REPO, 'scripts/build.mjs'), '--if-stale'], { stdio: 'inherit' })
    ;[database, store] = await Promise.all([openTestDatabase(serverUrl), openTestBlobStore('s3')])
    redis = openRedis(REDIS_URL)
    await redis.flushdb()
    const s3 = store.s3!
    const env = {
      DATABASE_URL: database.url!,
      ...generateKeySet(),
      REDIS_URL,
      BLOB_STORE: 's3',
      S3_BUCKET: s3.bucket,
      S3_ENDPOINT: s3.endpoint!,
      S3_REGION: s3.region,
      S3_FORCE_PATH_STYLE: 'true',
      AWS_ACCESS_KEY_ID: s3.credentials.accessKeyId,
      AWS_SECRET_ACCESS_KEY: s3.credentials.secretAccessKey,
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
      TRUST_PROXY: '1',
      LOGIN_RATE_LIMIT_PER_MINUTE: String(LOGIN_PER_MINUTE),
      NOT_FOUND_RATE_LIMIT_PER_MINUTE: String(NOT_FOUND_PER_MINUTE),
      SWEEP_INTERVAL_SECONDS: '1',
      RETENTION_INTERVAL_SECONDS: '1',
      // debug: one line per scheduled pass.
      LOG_LEVEL: 'debug',
    }
    // The first one migrates the fresh database; the others find it migrated.
    instances.push(await startInstance('a', env))
    instances.push(...(await Promise.all([startInstance('b', env), startInstance('c', env)])))
    proxy = await startProxy(instances)
  }, 240_000)

  afterAll(async () => {
    await proxy?.close()
    await Promise.all(instances.map((instance) => instance.stop()))
    redis?.disconnect()
    await store?.close()
    await database?.close()
  }, 60_000)

  const passes = (job: string, from = 0) =>
    instances.flatMap((instance) =>
      instance.logs
        .filter((line) => line.msg === 'scheduled job pass done' && line.job === job && line.time >= from)
        .map((line) => ({ ...line, instance: instance.name })),
    )
  const leaderNow = () => {
    const events = instances.flatMap((instance) =>
      instance.logs.filter((line) => line.msg.startsWith('this instance is the leader')).map((line) => ({ time: line.time, instance })),
    )
    return events.sort((x, y) => y.time - x.time)[0]?.instance
  }

  it('carries an employee to 完了 with every request on the next instance, the leader killed half-way', async () => {
    // The seed is written straight to the shared database (credentials are argon2 hashes, no keys needed).
    const services = createServices({ db: database.prisma, blobs: store.blobs, secrets: testSecrets() })
    const seeded = await createEmployeeWithLogin(database.prisma, services.credentials, { campaign: { employeeEntersNumber: true } })
    const photo = await cardPhoto()
    const client = { 'x-test-client': '198.51.100.10' }
    let auth: Record<string, string> = {}
    const call = async (method: string, url: string, body?: object) => {
      const response = await fetch(`${proxy.url}/api/employee${url}`, {
        method,
        headers: { ...client, ...auth, ...(body ? { 'content-type': 'application/json' } : {}) },
        ...(body ? { body: JSON.stringify(body) } : {}),
      })
      return { status: response.status, body: (await response.json().catch(() => null)) as Record<string, unknown> | null }
    }

    const signedIn = await call('POST', '/login', { token: seeded.token, password: seeded.password })
    expect(signedIn.status, JSON.stringify(signedIn.body)).toBe(200)
    auth = { authorization: `Bearer ${String(signedIn.body!.accessToken)}` }
    expect((await call('POST', '/consent', { purposes: seeded.campaign.purposes })).status).toBe(201)

    const household = [seeded.employee, seeded.dependents[0]!]
    for (const person of household) {
      for (const side of ['front', 'back']) {
        const upload = imageUpload({ role: 'number', slot: 0, side, type: 'my_number_card' }, photo)
        const response = await fetch(`${proxy.url}/api/employee/persons/${person.id}/images`, {
          method: 'POST',
          headers: { ...client, ...auth, ...upload.headers },
          body: upload.payload,
        })
        expect(response.status, await response.text()).toBe(201)
      }
    }

    // Half-way: the leader dies without a word; its advisory lock goes with its connection.
    const killed = leaderNow()
    expect(killed, 'one instance announced its leadership').toBeDefined()
    const killedAt = Date.now()
    const gone = new Promise((resolve) => killed!.child.once('exit', resolve))
    killed!.child.kill('SIGKILL')
    await gone

    for (const person of household) {
      const registered = await call('POST', `/persons/${person.id}/registration`, {
        numberDocument: { type: 'my_number_card', hasBack: true },
        identity: null,
        myNumber: validNumber(),
      })
      expect(registered.status, JSON.stringify(registered.body)).toBe(200)
    }
    expect((await call('PUT', `/persons/${seeded.dependents[1]!.id}/applicability`, { applicable: false })).status).toBe(200)
    expect((await call('POST', '/submission')).status).toBe(200)
    expect((await call('GET', '/me')).status).toBe(200)

    // The four images were written by whichever instance took each upload, and all are in the one bucket.
    const documents = await database.prisma.document.findMany({ where: { personId: { in: household.map((p) => p.id) } } })
    expect(documents).toHaveLength(4)
    expect(await database.prisma.submission.count({ where: { employeeId: seeded.employee.id } })).toBe(1)

    // Round robin: no two consecutive requests of the flow on the same instance, all three used.
    const flow = proxy.served.filter((entry) => entry.url.startsWith('/api/employee'))
    for (let i = 1; i < flow.length; i++) expect(flow[i]!.instance, `request ${i} ${flow[i]!.url}`).not.toBe(flow[i - 1]!.instance)
    expect(new Set(flow.map((entry) => entry.instance)).size).toBe(3)
    expect(flow.filter((entry) => entry.instance === killed!.name && entry.url.includes('/registration'))).toEqual([])

    // A survivor took over the scheduled work after the kill.
    for (let waited = 0; !leaderNow() || leaderNow() === killed; waited += 100) {
      if (waited > 15_000) throw new Error('no instance took over the leadership')
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
    const successor = leaderNow()!
    const since = Date.now()
    await new Promise((resolve) => setTimeout(resolve, 3_000))
    for (const job of ['sweeper', 'retention']) {
      const before = passes(job).filter((pass) => pass.time < killedAt)
      const after = passes(job, since)
      // Every pass before the kill on the one leader, every pass since the take-over on its successor:
      // with one pass per instance and second, three instances would log about three times as many.
      expect(new Set(before.map((pass) => pass.instance)), job).toEqual(new Set([killed!.name]))
      expect(new Set(after.map((pass) => pass.instance)), job).toEqual(new Set([successor.name]))
      expect(after.length, job).toBeLessThanOrEqual(5)
    }
    console.info(`many instances: ${flow.length} flow requests over 3 instances, ${killed!.name} (leader) killed, ${successor.name} leads now`)
  }, 90_000)

  it('counts the per-IP login limit, the unknown-token audit and the 404 budget across the instances', async () => {
    const guesser = { 'x-test-client': '203.0.113.7', 'content-type': 'application/json' }
    const statuses: number[] = []
    for (let i = 0; i < LOGIN_PER_MINUTE + 3; i++) {
      const response = await fetch(`${proxy.url}/api/employee/login`, {
        method: 'POST',
        headers: guesser,
        body: JSON.stringify({ token: `unknown-token-${i}-abcdefghijklmnop`, password: 'wrong-password' }),
      })
      statuses.push(response.status)
    }
    // Each surviving instance saw only about half of them: the limit holds because the count is shared.
    // Soft: each of the three shared counts reports on its own.
    expect.soft(statuses).toEqual([...Array<number>(LOGIN_PER_MINUTE).fill(401), 429, 429, 429])
    const unknownTokenRows = await database.prisma.auditEvent.count({ where: { action: 'employee.login_unknown_token' } })
    expect.soft(unknownTokenRows).toBe(1)

    // One URL token guessed from many addresses: its own limit, also counted across the instances.
    const token = 'one-token-from-everywhere-abcdefghijklmnop'
    const perToken: number[] = []
    for (let i = 0; i < PER_TOKEN_PER_MINUTE + 2; i++) {
      const response = await fetch(`${proxy.url}/api/employee/login`, {
        method: 'POST',
        headers: { ...guesser, 'x-test-client': `203.0.113.${100 + i}` },
        body: JSON.stringify({ token, password: 'wrong-password' }),
      })
      perToken.push(response.status)
    }
    expect.soft(perToken).toEqual([...Array<number>(PER_TOKEN_PER_MINUTE).fill(401), 429, 429])

    const prober = { 'x-test-client': '203.0.113.8' }
    const probes: number[] = []
    for (let i = 0; i < NOT_FOUND_PER_MINUTE + 2; i++) probes.push((await fetch(`${proxy.url}/api/employee/no-such-route-${i}`, { headers: prober })).status)
    expect.soft(probes).toEqual([...Array<number>(NOT_FOUND_PER_MINUTE).fill(404), 429, 429])
  })
})
