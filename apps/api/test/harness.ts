/**
 * A real app on a real database for each test file: embedded PGlite in memory, or a fresh
 * PostgreSQL database on TEST_DATABASE_URL's server (created here, dropped on close).
 */
import { randomBytes, randomUUID } from 'node:crypto'
import pg from 'pg'
import { expect, inject } from 'vitest'
import { type BuildOptions, build } from '../src/app.ts'
import { openDatabase } from '../src/db/database.ts'
import { createChangeFeed } from '../src/lib/change-feed.ts'
import { createReadCache, noReadCache } from '../src/lib/read-cache.ts'
import { CSRF_HEADER } from '@bango/shared/admin-api'
import { type OperatorSeed, createCompany, createEmployeeWithLogin, createOperator } from './factories.ts'
import { openTestBlobStore } from './blob-stores.ts'
import { type Secrets, parseKeks } from '../src/lib/keys.ts'

export function testSecrets(): Secrets {
  return { keyring: parseKeks(`test1:${randomBytes(32).toString('base64')}`), jwtSecret: randomBytes(32), numberHmacKey: randomBytes(32) }
}

/** The migrated template of the vitest run (pglite-template.ts); none outside vitest (the benches). */
function pgliteTemplate(): string | undefined {
  return process.env.VITEST ? inject('pgliteTemplate') : undefined
}

async function withAdminClient<T>(url: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    return await run(client)
  } finally {
    await client.end()
  }
}

/**
 * Opens a migrated database for one test file (or bench): PGlite (in memory, or in `pgliteDir`
 * when a test reads its files), or a fresh database on `serverUrl`. In memory it starts from the
 * run's migrated template unless `fromTemplate` is false (a test of the migrations themselves).
 */
export async function openTestDatabase(serverUrl = process.env.TEST_DATABASE_URL, pgliteDir: string | null = null, fromTemplate = true) {
  if (!serverUrl) return { ...(await openDatabase({ pgliteDir, template: pgliteDir || !fromTemplate ? undefined : pgliteTemplate() })), url: null }
  const name = `bango_test_${randomUUID().replaceAll('-', '')}`
  await withAdminClient(serverUrl, (client) => client.query(`CREATE DATABASE ${name}`))
  const url = new URL(serverUrl)
  url.pathname = `/${name}`
  const database = await openDatabase({ url: url.toString() })
  return {
    ...database,
    /** Where a second client (a second server instance) can open the same database. */
    url: url.toString(),
    async close() {
      await database.close()
      await withAdminClient(serverUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`))
    },
  }
}

export type TestContext = Awaited<ReturnType<typeof createTestContext>>

/**
 * `serverUrl`: a PostgreSQL server to create (and drop) the database on, instead of TEST_DATABASE_URL's.
 * Blobs go to a temp folder, or to an in-process S3 server when TEST_BLOB_STORE=s3.
 * `pgliteDir`: without a server, PGlite keeps its files there (the caller removes the folder).
 */
export async function createTestContext(overrides: Partial<BuildOptions> = {}, options: { serverUrl?: string; pgliteDir?: string } = {}) {
  const database = await openTestDatabase(options.serverUrl ?? process.env.TEST_DATABASE_URL, options.pgliteDir ?? null)
  const blobStore = await openTestBlobStore()
  const secrets = overrides.secrets ?? testSecrets()
  // On PostgreSQL the app reads through the cache as server.ts wires it (ADR 028): the suite's PostgreSQL run covers it.
  const changes = database.url ? createChangeFeed(database.url) : null
  const app = await build({
    readCache: changes ? createReadCache(changes) : noReadCache,
    db: database.prisma,
    blobs: blobStore.blobs,
    secrets,
    // Matrix suites answer hundreds of 404s from one address; brute-force.test.ts tests the real limits.
    rateLimits: { loginPerMinute: 1000, uploadPerMinute: 1000, notFoundPerMinute: 100_000 },
    ...overrides,
  })
  await app.ready()
  await changes?.start(app.log)
  return {
    app,
    db: database.prisma,
    databaseKind: database.kind,
    /** The PostgreSQL database's URL; null for the in-memory PGlite (one client only). */
    databaseUrl: database.url,
    /** The app's blob store: read, list and plant blobs through it, never through file paths. */
    blobs: blobStore.blobs,
    /** A second client on the same blobs (for a second app on the same database). */
    reopenBlobs: blobStore.reopen,
    blobStoreKind: blobStore.kind,
    secrets,
    /** A fresh company, campaign and employee with two dependents, plus their login. */
    newEmployee: (options?: Parameters<typeof createEmployeeWithLogin>[2]) => createEmployeeWithLogin(database.prisma, app.services.credentials, options),
    async close() {
      await changes?.close()
      await app.close()
      await database.close()
      await blobStore.close()
    },
  }
}

export async function login(app: TestContext['app'], token: string, password: string): Promise<string> {
  const response = await app.inject({ method: 'POST', url: '/api/employee/login', payload: { token, password } })
  if (response.statusCode !== 200) throw new Error(`login failed: ${response.statusCode} ${response.body}`)
  return response.json().accessToken
}

/** Logs in and consents: the state in which every document endpoint is reachable. */
export async function signedInEmployee(context: TestContext, options?: Parameters<TestContext['newEmployee']>[0]) {
  const seeded = await context.newEmployee(options)
  const accessToken = await login(context.app, seeded.token, seeded.password)
  const auth = { authorization: `Bearer ${accessToken}` }
  const consent = await context.app.inject({ method: 'POST', url: '/api/employee/consent', headers: auth, payload: { purposes: seeded.campaign.purposes } })
  if (consent.statusCode !== 201) throw new Error(`consent failed: ${consent.body}`)
  return { ...seeded, accessToken, auth }
}

/** A multipart body with the fields first and one file, as the SPA sends it. */
export function imageUpload(fields: Record<string, string | number>, file: Buffer, filename = 'photo.jpg') {
  const boundary = `----bango${randomUUID()}`
  const parts: Buffer[] = []
  for (const [name, value] of Object.entries(fields)) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`))
  }
  parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: image/jpeg\r\n\r\n`))
  parts.push(file, Buffer.from(`\r\n--${boundary}--\r\n`))
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } }
}

/** Uploads one image as the employee's draft (as the SPA does) and answers its document id; anything but 201 fails the test. */
export async function uploadImage(context: TestContext, auth: Record<string, string>, personId: string, fields: Record<string, string | number>, file: Buffer) {
  const body = imageUpload(fields, file)
  const response = await context.app.inject({
    method: 'POST',
    url: `/api/employee/persons/${personId}/images`,
    headers: { ...auth, ...body.headers },
    payload: body.payload,
  })
  expect(response.statusCode, response.body).toBe(201)
  return response.json<{ id: string }>().id
}

/** The cookie and CSRF headers of a live, fully signed-in admin session. */
export function adminHeaders(session: { token: string; csrfToken: string }) {
  return { cookie: `bango_admin=${session.token}`, [CSRF_HEADER]: session.csrfToken }
}

/**
 * An operator with an ACTIVE session, assigned to `companyId` (a new company by default) with
 * `role`. The session is opened directly: the sign-in itself is tested in admin-session.test.ts.
 */
export async function signedInOperator(context: TestContext, options: { role?: 'administrator' | 'operator'; companyId?: string } & OperatorSeed = {}) {
  const companyId = options.companyId ?? (await createCompany(context.db)).id
  const { operator, password } = await createOperator(context.app.services.operators, {
    ...options,
    assignments: options.assignments ?? [{ companyId, role: options.role ?? 'administrator' }],
  })
  const { token, session } = await context.app.services.adminSessions.open(operator.id, 'ACTIVE')
  return { operator, password, companyId, token, csrfToken: session.csrfToken, headers: adminHeaders({ token, csrfToken: session.csrfToken }) }
}

/** An error body as JSON without its request id (every answer has its own): for "answered exactly alike" checks. */
export function sameErrorBody(body: string): unknown {
  const parsed = JSON.parse(body) as { error?: { requestId?: unknown } }
  if (parsed.error) delete parsed.error.requestId
  return parsed
}
