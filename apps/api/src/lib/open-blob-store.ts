/** The blob store the configuration names — the server and the CLIs open it the same way. */
import path from 'node:path'
import type { Config } from '../config.ts'
import { type BlobStore, createFileBlobStore } from './blob-store.ts'
import { createS3BlobStore } from './s3-blob-store.ts'

export function openBlobStore(config: Pick<Config, 'blobStore' | 'dataDir'>): BlobStore & { close(): void } {
  if (config.blobStore.kind === 's3') return createS3BlobStore(config.blobStore)
  return { ...createFileBlobStore(path.join(config.dataDir, 'blobs')), close: () => undefined }
}
