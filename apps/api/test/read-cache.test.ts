/**
 * The read cache (lib/read-cache.ts, ADR 028) on a real PostgreSQL, with instances built as
 * server.ts builds them: a session's standing and /me are served from memory between changes,
 * a change made anywhere (another instance, a job, psql) reaches every instance through the
 * database's notifications, this instance's own writes are forgotten before their answer leaves,
 * and nothing is served from memory while the feed is down.
 *
 * "Silent" writes below switch the triggers off for their transaction (session_replication_role):
 * a change nobody announces shows whether an answer came from memory.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { build } from '../src/app.ts'
import { openDatabase } from '../src/db/database.ts'
import { type ChangeFeed, createChangeFeed } from '../src/lib/change-feed.ts'
import { createReadCache } from '../src/lib/read-cache.ts'
import { type TestContext, createTestContext, login, signedInEmployee } from './harness.ts'

const serverUrl = process.env.TEST_DATABASE_URL

async function until(condition: () => boolean | Promise<boolean>, what: string, timeoutMs = 5_000) {
  const deadline = Date.now() + timeoutMs
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
}

describe.runIf(serverUrl)('read cache on PostgreSQL', () => {
  let context: TestContext
  const instances: { close(): Promise<void> }[] = []

  /** An instance with its own connection pool, change feed and cache on the test's database. */
  async function startInstance(feed?: ChangeFeed) {
    const database = await openDatabase({ url: context.databaseUrl! })
    const changes = feed ?? createChangeFeed(context.databaseUrl!)
    const app = await build({ db: database.prisma, blobs: context.reopenBlobs(), secrets: context.secrets, readCache: createReadCache(changes) })
    await changes.start(app.log)
    const instance = {
      app,
      changes,
      me: (auth: Record<string, string>) => app.inject({ method: 'GET', url: '/api/employee/me', headers: auth }),
      async close() {
        await changes.close()
        await app.close()
        await database.close()
      },
    }
    instances.push(instance)
    return instance
  }

  /** Renames the employee without announcing it. */
  const renameSilently = (employeeId: string, name: string) =>
    context.db.$transaction([
      context.db.$executeRawUnsafe(`SET LOCAL session_replication_role = replica`),
      context.db.$executeRaw`UPDATE persons SET name = ${name} WHERE id = ${employeeId}::uuid`,
    ])

  beforeAll(async () => {
    context = await createTestContext({}, { serverUrl })
  })
  afterAll(async () => {
    for (const instance of instances) await instance.close()
    await context?.close()
  })

  it('serves /me from memory until a write anywhere announces the change', async () => {
    const a = await startInstance()
    const b = await startInstance()
    const employee = await signedInEmployee(context)
    expect((await a.me(employee.auth)).json().employeeName).toBe(employee.employee.name)
    expect((await b.me(employee.auth)).json().employeeName).toBe(employee.employee.name)

    await renameSilently(employee.employee.id, '黙って 変更')
    expect((await a.me(employee.auth)).json().employeeName).toBe(employee.employee.name)
    expect((await b.me(employee.auth)).json().employeeName).toBe(employee.employee.name)

    // Any write — here straight through the database, as psql or a job would — reaches both.
    await context.db.person.update({ where: { id: employee.employee.id }, data: { name: '告げて 変更' } })
    for (const instance of [a, b]) await until(async () => (await instance.me(employee.auth)).json().employeeName === '告げて 変更', 'the rename is seen')
  })

  it('refuses a session on every instance once another instance, or HR, ended it', async () => {
    const a = await startInstance()
    const b = await startInstance()
    const employee = await signedInEmployee(context)
    expect((await b.me(employee.auth)).statusCode).toBe(200)
    const logout = await a.app.inject({ method: 'POST', url: '/api/employee/session/logout', headers: employee.auth })
    expect(logout.statusCode).toBe(204)
    const ended = performance.now()
    await until(async () => (await b.me(employee.auth)).statusCode === 401, 'the other instance refuses the ended session', 2_000)
    console.log(`logout on one instance refused on another after ${(performance.now() - ended).toFixed(1)} ms`)

    // A re-issued credential (HR's 再発行) ends every session, wherever it was read.
    const other = await signedInEmployee(context)
    expect((await b.me(other.auth)).statusCode).toBe(200)
    await a.app.services.credentials.issue(other.employee.id)
    await until(async () => (await b.me(other.auth)).statusCode === 401, 'the re-issued credential’s session is refused', 2_000)
  })

  it('forgets its own writes before answering, even when the announcement is late', async () => {
    // A feed that is live but never announces: only the instance's own forgetting can help.
    const silent: ChangeFeed = { live: () => true, onChange: () => {}, start: async () => {}, close: async () => {} }
    const a = await startInstance(silent)
    const employee = await signedInEmployee(context)
    const token = await login(a.app, employee.token, employee.password)
    const auth = { authorization: `Bearer ${token}` }
    expect((await a.me(auth)).statusCode).toBe(200)
    expect((await a.app.inject({ method: 'POST', url: '/api/employee/session/logout', headers: auth })).statusCode).toBe(204)
    expect((await a.me(auth)).statusCode).toBe(401)
  })

  it('reads afresh while the feed is down, and caches again once it listens', async () => {
    const a = await startInstance()
    const employee = await signedInEmployee(context)
    expect((await a.me(employee.auth)).statusCode).toBe(200)

    await context.db
      .$executeRaw`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'bango-changes' AND datname = current_database()`
    await until(() => !a.changes.live(), 'the feed notices the lost connection')
    for (const name of ['切断中 一', '切断中 二']) {
      await renameSilently(employee.employee.id, name)
      expect((await a.me(employee.auth)).json().employeeName).toBe(name)
    }

    await until(() => a.changes.live(), 'the feed listens again')
    expect((await a.me(employee.auth)).json().employeeName).toBe('切断中 二')
    await renameSilently(employee.employee.id, '再接続後 変更')
    expect((await a.me(employee.auth)).json().employeeName).toBe('切断中 二')
  })
})
