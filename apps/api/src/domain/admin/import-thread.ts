/**
 * One import's own thread (a node:worker_threads Worker running import-worker.ts): the file's
 * chunks are moved there, not copied, and joining, decoding, parsing, validation and planning run there,
 * in a heap of their own capped at IMPORT_THREAD_HEAP_MB. The server's thread keeps only the
 * database side and holds one page or chunk of rows at a time (ADR 034).
 *
 * A thread per import, ended after it: imports are rare, and the memory of a 50 MB file goes
 * with the thread at once instead of waiting for the server's garbage collector.
 */
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { Worker } from 'node:worker_threads'
import { AppError } from '../../errors.ts'
import type { PlanAnswer, ReadAnswer, WriteChunk } from './import-job.ts'

declare const BANGO_BUNDLED: boolean | undefined

/**
 * The import thread's heap (V8's old generation). The largest file (200,000 rows, 50 MB) needed
 * between 192 and 256 MB to be read and planned against an empty campaign; 200,000 stored persons
 * add their share. A file that needs more fails its import (FILE_TOO_LARGE), not the server.
 */
export const IMPORT_THREAD_HEAP_MB = 768

export interface ImportThreadData {
  today: string
}
export type ImportCall =
  { method: 'bytes'; bytes: Uint8Array } | { method: 'read' } | { method: 'stored'; page: string } | { method: 'plan' } | { method: 'nextWrite' }
export type ImportReply = { ok: true; value: unknown } | { ok: false; message: string; stack: string | undefined }

export interface ImportThread {
  /** Decode, parse and validate the file, sent in the chunks it arrived in: moved to the thread, unusable here after. */
  read(chunks: readonly Uint8Array[]): Promise<ReadAnswer>
  /** A page of the campaign's persons (JSON); every page before `plan`. */
  addStored(page: string): void
  plan(): Promise<PlanAnswer>
  /** The plan's writes, a chunk at a time; null when all are out. */
  nextWrite(): Promise<WriteChunk | null>
  close(): Promise<void>
}

/** The worker: next to the bundle in the artifact, the TypeScript source in development and tests (Node strips its types). */
function startWorker(data: ImportThreadData, heapMb: number) {
  const here = path.dirname(fileURLToPath(import.meta.url))
  const entry = path.join(here, typeof BANGO_BUNDLED !== 'undefined' && BANGO_BUNDLED ? 'import-worker.js' : 'import-worker.ts')
  return new Worker(entry, { workerData: data, resourceLimits: { maxOldGenerationSizeMb: heapMb } })
}

/**
 * The chunk itself when it is all of its buffer (moved), else a copy of just its bytes: moving a
 * buffer that other chunks share would empty them. (A Buffer's `slice` is a view, not a copy.)
 */
const movable = (bytes: Uint8Array): Uint8Array =>
  bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer ? bytes : new Uint8Array(bytes)

/** `heapMb`: the thread's heap, IMPORT_THREAD_HEAP_MB but in tests. */
export function startImportThread(today: string, heapMb = IMPORT_THREAD_HEAP_MB): ImportThread {
  const worker = startWorker({ today }, heapMb)
  // Replies come in the order of the calls that want one.
  const waiting: { resolve: (value: never) => void; reject: (error: Error) => void }[] = []
  let stopped: Error | null = null

  const stop = (error: Error) => {
    stopped ??= error
    for (const call of waiting.splice(0)) call.reject(stopped)
  }
  worker.on('message', (reply: ImportReply) => {
    const call = waiting.shift()
    if (!call) return stop(new Error(`the import thread answered unasked: ${reply.ok ? 'ok' : reply.message}`))
    if (reply.ok) return call.resolve(reply.value as never)
    const error = new Error(reply.message)
    error.stack = `${reply.stack ?? reply.message}\n    at (the import's thread)`
    call.reject(error)
  })
  worker.on('error', (error: Error & { code?: string }) =>
    stop(
      error.code === 'ERR_WORKER_OUT_OF_MEMORY'
        ? new AppError('FILE_TOO_LARGE', { message: `The import needed more than ${heapMb} MB.`, cause: error })
        : error,
    ),
  )
  worker.on('exit', (code) => stop(new Error(`the import thread exited (${code})`)))

  function call<T>(message: ImportCall, transfer: ArrayBuffer[] = []): Promise<T> {
    if (stopped) return Promise.reject(stopped)
    return new Promise<T>((resolve, reject) => {
      waiting.push({ resolve: resolve as (value: never) => void, reject })
      worker.postMessage(message, transfer)
    })
  }

  return {
    read(chunks) {
      for (const chunk of chunks) {
        const moved = movable(chunk)
        if (!stopped) worker.postMessage({ method: 'bytes', bytes: moved } satisfies ImportCall, [moved.buffer as ArrayBuffer])
      }
      return call({ method: 'read' })
    },
    addStored(page) {
      if (!stopped) worker.postMessage({ method: 'stored', page } satisfies ImportCall)
    },
    plan: () => call({ method: 'plan' }),
    nextWrite: () => call({ method: 'nextWrite' }),
    async close() {
      stopped ??= new Error('the import thread is closed')
      await worker.terminate()
    },
  }
}
