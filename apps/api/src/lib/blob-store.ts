/**
 * Where encrypted blobs live. Only ciphertext ever reaches a BlobStore.
 * The file store (the embedded default) writes atomically (temp file, fsync, rename, fsync
 * dir); lib/s3-blob-store.ts keeps the same contract on S3-compatible storage
 * (test/blob-store-contract.test.ts runs against both).
 * Which blobs may be unreferenced is recorded in the database (domain/pending-blobs.ts), so
 * nothing in the server lists a store; `list` is for tests and operators' tooling.
 */
import { randomUUID } from 'node:crypto'
import fs from 'node:fs/promises'
import path from 'node:path'
import { killPoint } from './kill-points.ts'

export interface BlobStore {
  /** Durable when it resolves; replaces the bytes of an existing key as a whole. */
  put(key: string, bytes: Buffer): Promise<void>
  /** Rejects with BlobNotFoundError when there is no such blob. */
  get(key: string): Promise<Buffer>
  /** Removes a blob; a missing one is not an error. */
  delete(key: string): Promise<void>
  /** Every key with the time it was written. */
  list(): AsyncIterable<{ key: string; writtenAt: Date }>
  /**
   * Removes what writes that never finished left behind (a process killed mid-put) and that
   * started before `olderThan`; returns how many. Nothing for a store whose puts are atomic.
   */
  removeIncomplete(olderThan: Date): Promise<number>
}

/** A blob that does not exist (never written, or deleted). */
export class BlobNotFoundError extends Error {
  readonly code = 'BLOB_NOT_FOUND'
  constructor(key: string) {
    super(`blob ${key} not found`)
    this.name = 'BlobNotFoundError'
  }
}

const KEY_PATTERN = /^[0-9a-f-]{36}$/
/** A put writes here first, then renames into place. */
const TEMP_SUFFIX = '.tmp'

/** Keys are lowercase UUIDs: never a path or an object name of the caller's choosing. */
export function assertBlobKey(key: string): void {
  if (!KEY_PATTERN.test(key)) throw new Error('invalid blob key')
}

export function createFileBlobStore(root: string): BlobStore {
  const locate = (key: string) => {
    assertBlobKey(key)
    return path.join(root, key.slice(0, 2), `${key}.blob`)
  }

  return {
    async put(key, bytes) {
      const file = locate(key)
      const dir = path.dirname(file)
      await fs.mkdir(dir, { recursive: true, mode: 0o700 })
      const temp = path.join(dir, `.${randomUUID()}${TEMP_SUFFIX}`)
      const handle = await fs.open(temp, 'wx', 0o600)
      try {
        await handle.writeFile(bytes)
        killPoint('blob.temp-written')
        await handle.sync()
      } finally {
        await handle.close()
      }
      try {
        await fs.rename(temp, file)
      } catch (error) {
        await fs.rm(temp, { force: true })
        throw error
      }
      killPoint('blob.renamed')
      const dirHandle = await fs.open(dir, 'r')
      try {
        await dirHandle.sync()
      } finally {
        await dirHandle.close()
      }
    },
    async get(key) {
      try {
        return await fs.readFile(locate(key))
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new BlobNotFoundError(key)
        throw error
      }
    },
    delete: async (key) => fs.rm(locate(key), { force: true }),
    async *list() {
      const shards = await fs.readdir(root).catch(() => [] as string[])
      for (const shard of shards) {
        for (const name of await fs.readdir(path.join(root, shard)).catch(() => [] as string[])) {
          if (!name.endsWith('.blob')) continue
          const stat = await fs.stat(path.join(root, shard, name)).catch(() => null)
          if (stat) yield { key: name.slice(0, -'.blob'.length), writtenAt: stat.mtime }
        }
      }
    },
    async removeIncomplete(olderThan) {
      let removed = 0
      for (const shard of await fs.readdir(root).catch(() => [] as string[])) {
        for (const name of await fs.readdir(path.join(root, shard)).catch(() => [] as string[])) {
          if (!name.endsWith(TEMP_SUFFIX)) continue
          const file = path.join(root, shard, name)
          const stat = await fs.stat(file).catch(() => null)
          if (stat && stat.mtime < olderThan) {
            await fs.rm(file, { force: true })
            removed += 1
          }
        }
      }
      return removed
    },
  }
}
