/**
 * For the crash-injection suite: the real server (`src/server.ts`, Node stripping its types: the code that
 * `pnpm start` runs bundled, where the test hooks are refused) as a child process that a kill point can SIGKILL, the same composition opened
 * in-process on the data it left (the restart), data folders and databases copied from one
 * seeded template per trial, and one way to send requests to either (fetch or inject).
 */
import { type ChildProcess, spawn } from 'node:child_process'
import { randomBytes, randomUUID } from 'node:crypto'
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import pg from 'pg'
import { build } from '../src/app.ts'
import { loadConfig } from '../src/config.ts'
import { openDatabase } from '../src/db/database.ts'
import { openBlobStore } from '../src/lib/open-blob-store.ts'
import { preparePrivateDataDir } from '../src/lib/data-dir.ts'
import { loadSecrets } from '../src/lib/keys.ts'

export type Env = Record<string, string>

/** Keys given to the child and to the in-process restart alike (the template's data is encrypted with them). */
export function crashSecretsEnv(): Env {
  const key = () => randomBytes(32).toString('base64')
  return { BANGO_KEKS: `crash1:${key()}`, BANGO_JWT_SECRET: key(), BANGO_NUMBER_HMAC_KEY: key() }
}

/** The server's composition (server.ts) opened in-process on `env`'s data: a restart the test can look into. */
export async function openProduct(env: Env) {
  const config = loadConfig(env)
  await preparePrivateDataDir(config.dataDir)
  const { secrets } = await loadSecrets(config)
  const database = await openDatabase(config.databaseUrl ? { url: config.databaseUrl } : { pgliteDir: path.join(config.dataDir, 'pglite') })
  const blobs = openBlobStore(config)
  const app = await build({ db: database.prisma, blobs, secrets, rateLimits: config.rateLimits, trustProxy: config.trustProxy, publicUrl: config.publicUrl })
  await app.ready()
  return {
    app,
    db: database.prisma,
    blobs,
    secrets,
    blobDir: path.join(config.dataDir, 'blobs'),
    async close() {
      await app.close()
      blobs.close()
      await database.close()
    },
  }
}
export type Product = Awaited<ReturnType<typeof openProduct>>

export interface ChildServer {
  baseUrl: string
  /** Resolves when the process has ended, however it ended. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>
  output(): string
  kill(): void
}

/** `pnpm start` on `env`; resolves once it listens (PORT=0: the port is read from its log line). */
export async function spawnServer(env: Env): Promise<ChildServer> {
  const { DATABASE_URL: _ignored, ...inherited } = process.env
  const child: ChildProcess = spawn(process.execPath, ['src/server.ts'], {
    cwd: path.resolve(import.meta.dirname, '..'),
    env: { ...inherited, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.once('exit', (code, signal) => resolve({ code, signal }))
  })
  const baseUrl = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      reject(new Error(`server did not listen within 60 s:\n${output}`))
    }, 60_000)
    const read = (chunk: Buffer) => {
      output += chunk.toString()
      const listening = /Server listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(output)
      if (listening) {
        clearTimeout(timer)
        resolve(listening[1]!)
      }
    }
    child.stdout!.on('data', read)
    child.stderr!.on('data', read)
    void exited.then(({ code, signal }) => {
      clearTimeout(timer)
      reject(new Error(`server exited (${code ?? signal}) before listening:\n${output}`))
    })
  })
  return { baseUrl, exited, output: () => output, kill: () => child.kill('SIGKILL') }
}

/**
 * Where a trial's data lives: a copy of the seeded template's DATA_DIR (embedded PGlite inside),
 * or, with TEST_DATABASE_URL, a fresh PostgreSQL database made from a template database.
 */
export async function crashStorage(serverUrl = process.env.TEST_DATABASE_URL || undefined) {
  const root = await fs.mkdtemp(path.join(os.tmpdir(), 'bango-crash-'))
  const secrets = crashSecretsEnv()
  const databases: string[] = []
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: serverUrl })
    await client.connect()
    try {
      await client.query(sql)
    } finally {
      await client.end()
    }
  }
  const databaseUrl = (name: string) => {
    const url = new URL(serverUrl!)
    url.pathname = `/${name}`
    return url.toString()
  }
  const newDatabase = async (template?: string) => {
    const name = `bango_crash_${randomUUID().replaceAll('-', '')}`
    await admin(`CREATE DATABASE ${name}${template ? ` TEMPLATE ${template}` : ''}`)
    databases.push(name)
    return name
  }

  const templateDir = path.join(root, 'template')
  const templateDatabase = serverUrl ? await newDatabase() : null
  const templateEnv: Env = { ...secrets, DATA_DIR: templateDir, ...(templateDatabase ? { DATABASE_URL: databaseUrl(templateDatabase) } : {}) }
  return {
    kind: serverUrl ? 'postgresql' : 'pglite',
    /** Seed this one (in-process, closed again) before the first trial. */
    templateEnv,
    /** A private copy of the template: same keys, same rows, same blobs. */
    async trial(): Promise<{ env: Env; drop(): Promise<void> }> {
      const dataDir = path.join(root, randomUUID())
      await fs.cp(templateDir, dataDir, { recursive: true })
      const name = templateDatabase ? await newDatabase(templateDatabase) : null
      return {
        env: { ...secrets, DATA_DIR: dataDir, ...(name ? { DATABASE_URL: databaseUrl(name) } : {}) },
        async drop() {
          await fs.rm(dataDir, { recursive: true, force: true })
          if (name) await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
        },
      }
    },
    async close() {
      await fs.rm(root, { recursive: true, force: true })
      for (const name of databases) await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
    },
  }
}

export interface Reply {
  status: number
  /** Parsed JSON, read by the test's assertions. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- untyped like app.inject's json(): the steps read fields of many replies
  body: any
}
export interface Request {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE'
  url: string
  token?: string
  json?: object
  multipart?: { payload: Buffer; headers: Record<string, string> }
}
/** One request to whichever server: the killable child over HTTP, or the in-process restart. */
export type Send = (request: Request) => Promise<Reply>

function headersOf(request: Request): Record<string, string> {
  return {
    ...(request.token ? { authorization: `Bearer ${request.token}` } : {}),
    ...(request.json ? { 'content-type': 'application/json' } : {}),
    ...request.multipart?.headers,
  }
}

export const fetchSend =
  (baseUrl: string): Send =>
  async (request) => {
    const response = await fetch(`${baseUrl}${request.url}`, {
      method: request.method,
      headers: headersOf(request),
      body: request.multipart ? request.multipart.payload : request.json ? JSON.stringify(request.json) : undefined,
    })
    const text = await response.text()
    return { status: response.status, body: text ? JSON.parse(text) : null }
  }

export const injectSend =
  (app: Product['app']): Send =>
  async (request) => {
    const response = await app.inject({
      method: request.method,
      url: request.url,
      headers: headersOf(request),
      ...(request.multipart ? { payload: request.multipart.payload } : request.json ? { payload: JSON.stringify(request.json) } : {}),
    })
    return { status: response.statusCode, body: response.body ? response.json() : null }
  }
