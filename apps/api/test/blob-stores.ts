/**
 * Blob stores for tests: the file store in a temp folder, or the S3 store against a real
 * S3-protocol server (s3rver, in-process, storing in a temp folder). TEST_BLOB_STORE=s3 makes
 * the harness use the latter. Tests reach blobs through the store, never through file paths.
 */
import { randomUUID } from 'node:crypto'
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3'
import S3rver from 's3rver'
import { type BlobStore, createFileBlobStore } from '../src/lib/blob-store.ts'
import { type S3BlobStoreOptions, createS3BlobStore } from '../src/lib/s3-blob-store.ts'

export type BlobStoreKind = 'fs' | 's3'

export const testBlobStoreKind = (): BlobStoreKind => (process.env.TEST_BLOB_STORE === 's3' ? 's3' : 'fs')

/** s3rver's fixed credentials. */
const S3RVER_CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' }

export interface TestBlobStore {
  kind: BlobStoreKind
  blobs: BlobStore
  /** Another client on the same storage (a second instance, or a restarted process). */
  reopen(): BlobStore
  /** The S3 server's endpoint, bucket and credentials (s3 only): for server processes started by a test. */
  s3?: S3BlobStoreOptions & { credentials: typeof S3RVER_CREDENTIALS }
  close(): Promise<void>
}

/** A fresh, empty store of the given kind. */
export async function openTestBlobStore(kind: BlobStoreKind = testBlobStoreKind()): Promise<TestBlobStore> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), `bango-blobs-${kind}-`))
  if (kind === 'fs') {
    return { kind, blobs: createFileBlobStore(dir), reopen: () => createFileBlobStore(dir), close: () => fs.rm(dir, { recursive: true, force: true }) }
  }
  const server = new S3rver({ port: 0, address: '127.0.0.1', silent: true, directory: dir })
  const { port } = await server.run()
  const options: S3BlobStoreOptions = {
    bucket: `bango-test-${randomUUID().slice(0, 8)}`,
    endpoint: `http://127.0.0.1:${port}`,
    region: 'us-east-1',
    forcePathStyle: true,
    credentials: S3RVER_CREDENTIALS,
  }
  const admin = new S3Client({ endpoint: options.endpoint, region: options.region, forcePathStyle: true, credentials: S3RVER_CREDENTIALS })
  await admin.send(new CreateBucketCommand({ Bucket: options.bucket }))
  admin.destroy()
  const clients = [createS3BlobStore(options)]
  return {
    kind,
    blobs: clients[0]!,
    s3: { ...options, credentials: S3RVER_CREDENTIALS },
    reopen: () => {
      const client = createS3BlobStore(options)
      clients.push(client)
      return client
    },
    async close() {
      for (const client of clients) client.close()
      await server.close()
      await fs.rm(dir, { recursive: true, force: true })
    },
  }
}

/** Every key in the store, sorted. */
export async function storedKeys(blobs: BlobStore): Promise<string[]> {
  const keys: string[] = []
  for await (const blob of blobs.list()) keys.push(blob.key)
  return keys.sort()
}

/** Whether the store holds a blob under `key`. */
export const blobExists = (blobs: BlobStore, key: string) =>
  blobs.get(key).then(
    () => true,
    (error: { code?: string }) => {
      if (error.code === 'BLOB_NOT_FOUND') return false
      throw error
    },
  )
