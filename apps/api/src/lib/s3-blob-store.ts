/**
 * The BlobStore on S3-compatible object storage (`BLOB_STORE=s3`), for several API instances
 * sharing one set of blobs. One object per blob, named by its key; the bucket should hold
 * nothing else. Credentials come from the SDK's default chain (AWS_ACCESS_KEY_ID /
 * AWS_SECRET_ACCESS_KEY, a profile, or an instance/task role).
 * A PUT is durable once S3 answers 200, and replaces an object whole: readers see the old or
 * the new bytes, never a mix — the same guarantees as the file store's rename.
 * @see docs/decisions/016-s3-blob-store-and-pending-blobs.md
 */
import { DeleteObjectCommand, GetObjectCommand, ListObjectsV2Command, NoSuchKey, PutObjectCommand, S3Client } from '@aws-sdk/client-s3'
import { type BlobStore, BlobNotFoundError, assertBlobKey } from './blob-store.ts'

export interface S3BlobStoreOptions {
  bucket: string
  /** A non-AWS endpoint (MinIO, Ceph, s3rver …); AWS's own when absent. */
  endpoint?: string
  region: string
  /** `http://endpoint/bucket/key` instead of `http://bucket.endpoint/key` (most non-AWS servers). */
  forcePathStyle: boolean
  /** Only for tests; production takes the SDK's default credential chain. */
  credentials?: { accessKeyId: string; secretAccessKey: string }
}

/**
 * The configured bucket does not exist: nothing can be stored or read until it is created.
 * S3 answers it with 404, as it does a missing key — it must never read as a missing blob
 * (the readiness probe reads a key that is never stored, and took a missing bucket for "ready").
 */
export class MissingBucketError extends Error {
  readonly code = 'BLOB_STORE_MISSING_BUCKET'
  constructor(bucket: string) {
    super(`S3 bucket "${bucket}" does not exist (S3_BUCKET): create it before starting Bango, which never creates one — until then every upload fails`)
    this.name = 'MissingBucketError'
  }
}

/**
 * Only S3's own "no such key" is a missing blob. Any other 404 (a missing bucket, a proxy's page)
 * is a failure. On AWS, GetObject of a missing key answers 403 instead unless the caller may
 * s3:ListBucket — so the deployment grants it (docs/deploy.md).
 */
const isMissingKey = (error: unknown) => error instanceof NoSuchKey
const isMissingBucket = (error: unknown) => error instanceof Error && error.name === 'NoSuchBucket'

export function createS3BlobStore(options: S3BlobStoreOptions): BlobStore & { close(): void } {
  const client = new S3Client({
    region: options.region,
    forcePathStyle: options.forcePathStyle,
    ...(options.endpoint ? { endpoint: options.endpoint } : {}),
    ...(options.credentials ? { credentials: options.credentials } : {}),
  })
  const Bucket = options.bucket
  /** Every request goes through here, so that a missing bucket says so whatever was asked. */
  const attempt = async <T>(request: () => Promise<T>): Promise<T> => {
    try {
      return await request()
    } catch (error) {
      if (isMissingBucket(error)) throw new MissingBucketError(Bucket)
      throw error
    }
  }
  const object = (key: string) => {
    assertBlobKey(key)
    return { Bucket, Key: key }
  }

  return {
    async put(key, bytes) {
      await attempt(() =>
        client.send(new PutObjectCommand({ ...object(key), Body: bytes, ContentLength: bytes.length, ContentType: 'application/octet-stream' })),
      )
    },
    async get(key) {
      try {
        const response = await attempt(() => client.send(new GetObjectCommand(object(key))))
        if (!response.Body) throw new BlobNotFoundError(key)
        return Buffer.from(await response.Body.transformToByteArray())
      } catch (error) {
        if (isMissingKey(error)) throw new BlobNotFoundError(key)
        throw error
      }
    },
    // S3 answers 204 for a key that does not exist: deleting twice is not an error.
    delete: async (key) => void (await attempt(() => client.send(new DeleteObjectCommand(object(key))))),
    async *list() {
      let ContinuationToken: string | undefined
      do {
        const page = await attempt(() => client.send(new ListObjectsV2Command({ Bucket, ContinuationToken })))
        for (const item of page.Contents ?? []) {
          if (item.Key && item.LastModified) yield { key: item.Key, writtenAt: item.LastModified }
        }
        ContinuationToken = page.IsTruncated ? page.NextContinuationToken : undefined
      } while (ContinuationToken)
    },
    // A PUT is atomic: an upload cut short leaves no object behind.
    removeIncomplete: async () => 0,
    close: () => client.destroy(),
  }
}
