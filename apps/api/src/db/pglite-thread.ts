/**
 * The embedded database on a thread of its own (ADR 027). PGlite is PostgreSQL compiled to
 * WASM: on the server's thread every query's planning and execution, and the parsing of its
 * answer, held the event loop (half of the CPU time of an authenticated read). Here the server
 * keeps only Prisma's side and talks to db/pglite-worker.ts, where PGlite and its Prisma driver
 * adapter run, through messages: one round trip per SQL statement.
 *
 * PGlite's own `PGliteWorker` is no use on Node 20: it needs a Web Worker (`addEventListener`),
 * `navigator.locks` and a worker global scope (`postMessage`), and crosses only the wire
 * protocol, so PostgreSQL errors would lose their codes on the way back.
 *
 * What stays as it was: one connection, transactions one at a time in the order they start
 * (the adapter's own queueing, in the worker), and a query outside a transaction waits for the
 * open one — awaiting one inside `$transaction` still deadlocks until Prisma's timeout.
 */
import fs from 'node:fs/promises'
import { createRequire } from 'node:module'
import path from 'node:path'
import { Worker } from 'node:worker_threads'
import { fileURLToPath } from 'node:url'
import {
  type ConnectionInfo,
  DriverAdapterError,
  type IsolationLevel,
  type SqlDriverAdapter,
  type SqlDriverAdapterFactory,
  type SqlQuery,
  type SqlResultSet,
  type Transaction,
  type TransactionOptions,
} from '@prisma/driver-adapter-utils'
import type { SqlSession } from './migrate.ts'

declare const BANGO_BUNDLED: boolean | undefined

/** PostgreSQL's WASM and initdb's, compiled: handed to each thread, which would compile them again. */
export interface WasmModules {
  pgliteWasmModule: WebAssembly.Module
  initdbWasmModule: WebAssembly.Module
}

export interface WorkerOptions {
  dir: string | null
  modules: WasmModules
  initialiseOnly?: boolean
  /** In memory only: start from this dump (`dumpDataDir`) instead of running initdb — the tests' migrated template. */
  template?: string
}

export type Call =
  | { method: 'exec'; sql: string }
  | { method: 'query'; sql: string; params: unknown[] | undefined }
  | { method: 'queryRaw' | 'executeRaw'; tx: number | null; query: SqlQuery }
  | { method: 'executeScript'; script: string }
  | { method: 'startTransaction'; isolationLevel: IsolationLevel | undefined }
  | { method: 'commit' | 'rollback'; tx: number }
  | { method: 'close' }

export interface CallMessage {
  id: number
  call: Call
}
export interface SerializedError {
  name: string
  message: string
  stack: string | undefined
  fields: Record<string, string | number | boolean>
  cause?: unknown
}
export type Reply = { id: number; ok: true; value: unknown } | { id: number; ok: false; error: SerializedError }
export interface Opened {
  opened: true
  adapterName: string
  connectionInfo: ConnectionInfo | null
}

export interface PgliteThread {
  /** For the migrations: plain SQL on PGlite, outside Prisma. */
  session: SqlSession
  adapter: SqlDriverAdapterFactory
  /** Closes PGlite (its files complete on disk) and ends the thread. */
  close(): Promise<void>
}

/**
 * PGlite's two WASM modules (9 MB and 0.3 MB), compiled once per process. A thread given them
 * compiles nothing: opening an embedded database took 3.2 s of CPU in a new thread, 1.7 s with
 * them — once for a server, but once per test file and per crash trial in the suites. PGlite is
 * not bundled (apps/api/build.mjs): its files are found in its package.
 */
let compiled: Promise<WasmModules> | null = null
// The WebAssembly global's functions are typed by the DOM library, which the API does not load.
const wasm = (globalThis as unknown as { WebAssembly: { compile(bytes: Uint8Array): Promise<WebAssembly.Module> } }).WebAssembly
function wasmModules(): Promise<WasmModules> {
  compiled ??= (async () => {
    const dist = path.dirname(createRequire(import.meta.url).resolve('@electric-sql/pglite'))
    const compile = async (file: string) => wasm.compile(await fs.readFile(path.join(dist, file)))
    const [pgliteWasmModule, initdbWasmModule] = await Promise.all([compile('pglite.wasm'), compile('initdb.wasm')])
    return { pgliteWasmModule, initdbWasmModule }
  })()
  return compiled
}

/** The worker: next to the bundle in the artifact, the TypeScript source in development and tests (Node strips its types). */
async function startWorker(options: Omit<WorkerOptions, 'modules'>) {
  const here = path.dirname(fileURLToPath(import.meta.url))
  const workerData: WorkerOptions = { ...options, modules: await wasmModules() }
  return new Worker(path.join(here, typeof BANGO_BUNDLED !== 'undefined' && BANGO_BUNDLED ? 'pglite-worker.js' : 'pglite-worker.ts'), { workerData })
}

function revive(error: SerializedError): Error {
  if (error.name === 'DriverAdapterError' && error.cause) return new DriverAdapterError(error.cause as DriverAdapterError['cause'])
  const revived = Object.assign(new Error(error.message), error.fields)
  revived.name = error.name
  if (error.stack) revived.stack = `${error.stack}\n    at (the embedded database's thread)`
  return revived
}

/**
 * A new folder: PGlite runs initdb, which leaves ~400 MB behind (a second PGlite and the initdb
 * module: WASM memories, heap, allocator arenas) until a full garbage collection, which an idle
 * server may not run. In a thread of its own, ended once the folder is ready, it goes at once.
 */
async function initialise(dir: string) {
  if (
    await fs.access(path.join(dir, 'PG_VERSION')).then(
      () => true,
      () => false,
    )
  )
    return
  const worker = await startWorker({ dir, initialiseOnly: true })
  await new Promise<void>((resolve, reject) => {
    worker.on('error', reject)
    worker.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`initialising the embedded database failed (${code})`))))
  })
}

export async function openPgliteThread(dir: string | null, template?: string): Promise<PgliteThread> {
  if (dir) await initialise(dir)
  const worker = await startWorker({ dir, ...(dir === null && template ? { template } : {}) })
  const pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>()
  let lastId = 0
  let stopped: Error | null = null

  const opened = new Promise<Opened>((resolve, reject) => {
    worker.on('message', (message: Reply | Opened) => {
      if ('opened' in message) return resolve(message)
      const call = pending.get(message.id)
      if (!call) return
      pending.delete(message.id)
      // Only a call in flight keeps the process alive, as a query on the server's thread would.
      if (pending.size === 0) worker.unref()
      if (message.ok) call.resolve(message.value)
      else call.reject(revive(message.error))
    })
    // An error thrown in the thread (PGlite failed to open, or aborted) ends it: every call fails from then on.
    worker.on('error', (error) => {
      stopped ??= error
      reject(error)
    })
    worker.on('exit', (code) => {
      stopped ??= new Error(`the embedded database's thread exited (${code})`)
      reject(stopped)
      for (const call of pending.values()) call.reject(stopped)
      pending.clear()
    })
  })

  function call<T>(request: Call): Promise<T> {
    if (stopped) return Promise.reject(stopped)
    return new Promise<T>((resolve, reject) => {
      const id = ++lastId
      // Arguments that cannot be copied to the thread (DataCloneError) fail this call only.
      worker.postMessage({ id, call: request } satisfies CallMessage)
      if (pending.size === 0) worker.ref()
      pending.set(id, { resolve: resolve as (value: unknown) => void, reject })
    })
  }

  const { adapterName, connectionInfo } = await opened
  worker.unref()

  const queryable = (tx: number | null) => ({
    provider: 'postgres' as const,
    adapterName,
    queryRaw: (query: SqlQuery) => call<SqlResultSet>({ method: 'queryRaw', tx, query }),
    executeRaw: (query: SqlQuery) => call<number>({ method: 'executeRaw', tx, query }),
  })

  const adapter: SqlDriverAdapter = {
    ...queryable(null),
    executeScript: (script) => call<void>({ method: 'executeScript', script }),
    async startTransaction(isolationLevel) {
      const { id, options } = await call<{ id: number; options: TransactionOptions }>({ method: 'startTransaction', isolationLevel })
      return {
        ...queryable(id),
        options,
        commit: () => call<void>({ method: 'commit', tx: id }),
        rollback: () => call<void>({ method: 'rollback', tx: id }),
      } satisfies Transaction
    },
    ...(connectionInfo ? { getConnectionInfo: () => connectionInfo } : {}),
    // The thread outlives Prisma's connection: close() ends it.
    dispose: async () => {},
  }

  return {
    session: {
      exec: (sql) => call<void>({ method: 'exec', sql }),
      query: <Row>(sql: string, params?: unknown[]) => call<Row[]>({ method: 'query', sql, params }),
    },
    adapter: { provider: 'postgres', adapterName, connect: async () => adapter },
    async close() {
      if (!stopped) await call({ method: 'close' })
      await worker.terminate()
    },
  }
}
