/**
 * The built artifact (apps/api/dist, `pnpm build`) runs with plain node, from any working
 * directory and moved out of the repository, with the keys `keys:generate` prints; on PostgreSQL it refuses to start without
 * keys; it restarts itself once with V8's start-up heap flag. Builds first when the artifact is stale (a no-op after `pnpm build`, as in `pnpm test`).
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process'
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { Worker } from 'node:worker_threads'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openTestDatabase } from './harness.ts'
import { freePort } from './free-port.ts'
import { demoLoginOf } from './instances.ts'
import { INITIAL_OLD_SPACE } from '../src/lib/v8-heap.ts'

const REPO = path.resolve(import.meta.dirname, '../../..')
const DIST = path.join(REPO, 'apps/api/dist')
const serverUrl = process.env.TEST_DATABASE_URL
const dirs: string[] = []

beforeAll(() => {
  execFileSync(process.execPath, [path.join(REPO, 'scripts/build.mjs'), '--if-stale'], { stdio: 'inherit' })
}, 180_000)
afterAll(async () => {
  await Promise.all(dirs.map((dir) => fs.rm(dir, { recursive: true, force: true })))
})

async function tempDir() {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'bango-artifact-'))
  dirs.push(dir)
  return dir
}

/**
 * The artifact moved out of the repository, as a deployment would put it: dist/ beside a
 * node_modules holding the external packages. Nothing may be found through the source tree.
 */
async function relocatedArtifact() {
  const root = await tempDir()
  await fs.cp(DIST, path.join(root, 'dist'), { recursive: true })
  await fs.symlink(path.join(REPO, 'apps/api/node_modules'), path.join(root, 'node_modules'), 'dir')
  return path.join(root, 'dist')
}

/** Runs one of the bundles to its end, from an unrelated working directory. */
async function run(bundle: string, args: string[], env: Record<string, string>, dist = DIST) {
  const child = spawn(process.execPath, [path.join(dist, bundle), ...args], { cwd: os.tmpdir(), env: { PATH: process.env.PATH ?? '', ...env } })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString()
  })
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString()
  })
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve))
  return { code, stdout, stderr }
}

/** `node dist/server.js`, until it answers /api/health (or exits). */
async function startServer(env: Record<string, string>, dist = DIST) {
  const port = await freePort()
  const child: ChildProcess = spawn(process.execPath, [path.join(dist, 'server.js')], {
    cwd: await tempDir(),
    env: { PATH: process.env.PATH ?? '', PORT: String(port), LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout!.on('data', (chunk: Buffer) => {
    output += chunk.toString()
  })
  child.stderr!.on('data', (chunk: Buffer) => {
    output += chunk.toString()
  })
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve))
  const baseUrl = `http://127.0.0.1:${port}`
  for (let attempt = 0; ; attempt++) {
    if (child.exitCode !== null) throw new Error(`server exited (${child.exitCode}):\n${output}`)
    const health = await fetch(`${baseUrl}/api/health`).catch(() => null)
    if (health?.ok) break
    if (attempt > 600) throw new Error(`server did not answer /api/health within 60 s:\n${output}`)
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  return {
    baseUrl,
    pid: child.pid!,
    output: () => output,
    async stop() {
      child.kill('SIGTERM')
      return exited
    },
  }
}

async function generatedKeys(): Promise<Record<string, string>> {
  const { code, stdout } = await run('keys-generate.js', [], {})
  expect(code).toBe(0)
  const lines = stdout.trim().split('\n')
  expect(lines.map((line) => line.split('=')[0])).toEqual(['BANGO_KEKS', 'BANGO_JWT_SECRET', 'BANGO_NUMBER_HMAC_KEY'])
  return Object.fromEntries(lines.map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]))
}

describe.runIf(!serverUrl)('the artifact on the embedded database', () => {
  it('serves the demo with generated keys when moved out of the repository, stops on SIGTERM, and admin:create and admin:reset-password work after it', async () => {
    const dist = await relocatedArtifact()
    const dataDir = path.join(await tempDir(), 'data')
    const env = { DATA_DIR: dataDir, ...(await generatedKeys()) }
    const server = await startServer(env, dist)
    const demo = demoLoginOf(server.output())
    expect(demo, server.output()).not.toBeNull()
    // Started as `node dist/server.js`, it runs (the same process) with V8's start-up heap flag (ADR 058).
    if (process.platform === 'linux') {
      const commandLine = (await fs.readFile(`/proc/${server.pid}/cmdline`, 'utf8')).split('\0')
      expect(commandLine.slice(1, 3)).toEqual([INITIAL_OLD_SPACE, path.join(dist, 'server.js')])
    }
    // The SPA copied next to the bundle, and an employee session signed with the configured keys.
    expect(await (await fetch(`${server.baseUrl}/`)).text()).toContain('<div id="root">')
    const login = await fetch(`${server.baseUrl}/api/employee/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token: demo!.token, password: demo!.password }),
    })
    expect(login.status).toBe(200)
    const { accessToken } = (await login.json()) as { accessToken: string }
    expect((await fetch(`${server.baseUrl}/api/employee/me`, { headers: { authorization: `Bearer ${accessToken}` } })).status).toBe(200)
    expect(await server.stop()).toBe(0)
    // Configured keys: nothing generated beside the data.
    expect(await fs.readdir(dataDir)).not.toContain('keys.json')

    const created = await run('admin-create.js', ['--email', 'hr.admin@example.com', '--name', '人事 太郎'], env, dist)
    expect(created.stderr).toBe('')
    expect(created.stdout).toMatch(/^Created system administrator hr\.admin@example\.com\.\nOne-time password .*: \S{12,}/)
    expect(created.code).toBe(0)

    // The way back for that administrator: a new one-time password, printed once.
    const reset = await run('admin-reset-password.js', ['--email', 'hr.admin@example.com'], env, dist)
    expect(reset.stderr).toBe('')
    expect(reset.stdout).toMatch(/^Reset hr\.admin@example\.com: .*\nOne-time password .*: \S{12,}\n/)
    expect(reset.code).toBe(0)
  }, 120_000)

  it('refuses to start on PostgreSQL without keys: one message naming each missing key, exit code 1', async () => {
    // The database is never reached: the refusal comes first.
    const { BANGO_JWT_SECRET } = await generatedKeys()
    const refused = await run('server.js', [], { DATABASE_URL: 'postgresql://nobody@127.0.0.1:1/bango', BANGO_JWT_SECRET: BANGO_JWT_SECRET! })
    expect(refused.code).toBe(1)
    expect(refused.stdout).toBe('')
    expect(refused.stderr.trim().split('\n')).toHaveLength(1)
    expect(refused.stderr).toMatch(/missing BANGO_KEKS, BANGO_NUMBER_HMAC_KEY\. `pnpm keys:generate`/)
    expect(refused.stderr).not.toContain(BANGO_JWT_SECRET)
  })
})

describe('what the artifact is built from', () => {
  it('production code only: the sources of every bundle are under apps/api/src or packages/shared/src (or node_modules), none a test, a test builder or a bench', async () => {
    const maps = (await fs.readdir(DIST)).filter((name) => name.endsWith('.js.map'))
    expect(maps).toContain('server.js.map')
    for (const map of maps) {
      const { sources } = JSON.parse(await fs.readFile(path.join(DIST, map), 'utf8')) as { sources: string[] }
      const ours = sources.map((source) => path.relative(REPO, path.resolve(DIST, source))).filter((file) => !file.split(path.sep).includes('node_modules'))
      expect(ours.length, map).toBeGreaterThan(0)
      expect(
        ours.filter((file) => !/^(apps\/api|packages\/shared)\/src\//.test(file) || /\.test\.tsx?$/.test(file)),
        map,
      ).toEqual([])
    }
  })
})

describe('the import thread in the artifact', () => {
  it('runs on its own when moved out of the repository: a file sent to import-worker.js is read and planned', async () => {
    const dist = await relocatedArtifact()
    const worker = new Worker(path.join(dist, 'import-worker.js'), { workerData: { today: '2026-12-07' } })
    try {
      const answers: unknown[] = []
      const next = () => new Promise((resolve) => worker.once('message', resolve))
      const file = Buffer.from('社員番号,氏名,フリガナ,生年月日,続柄\r\n1,山田 太郎,ヤマダ タロウ,1980-01-15,本人\r\n')
      worker.postMessage({ method: 'bytes', bytes: file })
      worker.postMessage({ method: 'read' })
      answers.push(await next())
      worker.postMessage({ method: 'stored', page: '[]' })
      worker.postMessage({ method: 'plan' })
      answers.push(await next())
      expect(answers).toEqual([
        { ok: true, value: { ok: true } },
        { ok: true, value: { ok: true, summary: expect.objectContaining({ rows: 1, employees: { new: 1, changed: 0, unchanged: 0 } }) } },
      ])
    } finally {
      await worker.terminate()
    }
  }, 30_000)
})

describe.runIf(serverUrl)('the artifact on PostgreSQL', () => {
  it('starts with a generated key set, and admin:create with the same set makes an account that signs in', async () => {
    const database = await openTestDatabase(serverUrl)
    try {
      const env = { DATABASE_URL: database.url!, DATA_DIR: path.join(await tempDir(), 'data'), ...(await generatedKeys()) }
      const created = await run('admin-create.js', ['--email', 'ops@example.com', '--name', 'Ops'], env)
      expect(created.code, created.stderr).toBe(0)
      const password = /One-time password .*: (\S+)$/m.exec(created.stdout)![1]!
      const server = await startServer(env)
      try {
        const signIn = await fetch(`${server.baseUrl}/api/admin/session`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ email: 'ops@example.com', password }),
        })
        expect(signIn.status).toBe(201)
        expect(await signIn.json()).toMatchObject({ stage: 'password_change_required' })
      } finally {
        expect(await server.stop()).toBe(0)
      }
    } finally {
      await database.close()
    }
  }, 120_000)
})
