/**
 * The embedded database's own thread (started by db/pglite-thread.ts): PGlite and its Prisma
 * driver adapter run here, so PostgreSQL's work (WASM) and the parsing of its answers leave the
 * server's event loop. Each message is one call; the answer goes back with the call's id.
 * Transactions stay here, named by a number, until the server commits or rolls them back.
 */
import { PGlite } from '@electric-sql/pglite'
import fs from 'node:fs/promises'
import { parentPort, workerData } from 'node:worker_threads'
import { PrismaPGlite } from 'pglite-prisma-adapter'
import type { SqlDriverAdapter, Transaction } from '@prisma/driver-adapter-utils'
import type { Call, CallMessage, Opened, Reply, SerializedError, WorkerOptions } from './pglite-thread.ts'

/**
 * PostgreSQL's default 128 MB of shared buffers is resident from the start in WASM (Emscripten's
 * mmap zero-fills it): 16 MB hold the working set of an embedded database (the demo's whole
 * database is 8 MB), and the OS page cache keeps the files behind them (ADR 027).
 */
const SETTINGS = ['-c', 'shared_buffers=16MB']

const port = parentPort!
const { dir, initialiseOnly, template, modules } = workerData as WorkerOptions
const pglite = await PGlite.create({
  ...modules,
  dataDir: dir ?? undefined,
  startParams: [...PGlite.defaultStartParams, ...SETTINGS],
  ...(template ? { loadDataDir: new Blob([await fs.readFile(template)]) } : {}),
})
// PGlite gives its files and folders explicit modes (0666/0755), whatever the umask: its own
// folder is closed to other users so that nothing inside it can be reached.
if (dir) await fs.chmod(dir, 0o700)
if (initialiseOnly) {
  // A new folder only: initdb has run, the thread ends and its memory with it.
  await pglite.close()
  process.exit(0)
} else {
  serve(await new PrismaPGlite(pglite).connect())
}

function serve(adapter: SqlDriverAdapter) {
  const transactions = new Map<number, Transaction>()
  let lastTransaction = 0
  const transaction = (id: number) => {
    const found = transactions.get(id)
    if (!found) throw new Error(`transaction ${id} is over`)
    return found
  }

  async function run(call: Call): Promise<unknown> {
    switch (call.method) {
      case 'exec':
        await pglite.exec(call.sql)
        return undefined
      case 'query':
        return (await pglite.query(call.sql, call.params)).rows
      case 'queryRaw':
        return (call.tx === null ? adapter : transaction(call.tx)).queryRaw(call.query)
      case 'executeRaw':
        return (call.tx === null ? adapter : transaction(call.tx)).executeRaw(call.query)
      case 'executeScript':
        return adapter.executeScript(call.script)
      case 'startTransaction': {
        const started = await adapter.startTransaction(call.isolationLevel)
        transactions.set(++lastTransaction, started)
        return { id: lastTransaction, options: started.options }
      }
      case 'commit':
      case 'rollback': {
        const ending = transaction(call.tx)
        transactions.delete(call.tx)
        return call.method === 'commit' ? ending.commit() : ending.rollback()
      }
      case 'close':
        await pglite.close()
        return undefined
    }
  }

  port.on('message', async ({ id, call }: CallMessage) => {
    let reply: Reply
    try {
      reply = { id, ok: true, value: await run(call) }
    } catch (error) {
      reply = { id, ok: false, error: serialize(error) }
    }
    try {
      port.postMessage(reply)
    } catch (error) {
      // A value that cannot be copied back (DataCloneError) fails the call, not the thread.
      port.postMessage({ id, ok: false, error: serialize(error) } satisfies Reply)
    }
  })
  port.postMessage({ opened: true, adapterName: adapter.adapterName, connectionInfo: adapter.getConnectionInfo?.() ?? null } satisfies Opened)
}

/**
 * Errors cross the thread as plain data: Prisma recognises a driver error by its name and its
 * `cause` (the mapped PostgreSQL error, e.g. a unique violation); others keep their message,
 * stack and PostgreSQL fields (code, detail…).
 */
function serialize(error: unknown): SerializedError {
  if (!(error instanceof Error)) return { name: 'Error', message: String(error), stack: undefined, fields: {} }
  const fields: Record<string, string | number | boolean> = {}
  for (const [key, value] of Object.entries(error)) {
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') fields[key] = value
  }
  const cause = error.name === 'DriverAdapterError' ? structuredClone(error.cause) : undefined
  return { name: error.name, message: error.message, stack: error.stack, fields, ...(cause === undefined ? {} : { cause }) }
}
