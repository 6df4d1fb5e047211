/** The blob store the configuration names — the server and the CLIs open it the same way. */
import path from 'node:path'
import { type BlobStore, createFileBlobStore } from './blob-store.ts'
import { type S3BlobStoreOptions, createS3BlobStore } from './s3-blob-store.ts'

/** The store as config.ts read it: files under DATA_DIR/blobs, or an S3 bucket. */
export interface BlobStoreSetting {
  blobStore: { kind: 'fs' } | ({ kind: 's3' } & S3BlobStoreOptions)
  dataDir: string
}

export function openBlobStore(setting: BlobStoreSetting): BlobStore & { close(): void } {
  if (setting.blobStore.kind === 's3') return createS3BlobStore(setting.blobStore)
  return { ...createFileBlobStore(path.join(setting.dataDir, 'blobs')), close: () => undefined }
}
