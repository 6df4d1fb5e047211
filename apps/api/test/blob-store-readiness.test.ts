/**
 * Readiness on the S3 store tells a missing bucket from a missing key: the probe reads a key
 * no blob is stored under, and S3 answers both with 404 (NoSuchKey, NoSuchBucket). An instance
 * whose bucket does not exist can store nothing — it must not get traffic, and its start-up log
 * must say why.
 */
import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { BlobNotFoundError } from '../src/lib/blob-store.ts'
import { logUnreadiness } from '../src/lib/readiness.ts'
import { createS3BlobStore } from '../src/lib/s3-blob-store.ts'
import { type TestBlobStore, openTestBlobStore } from './blob-stores.ts'
import { type TestContext, createTestContext, imageUpload, signedInEmployee } from './harness.ts'
import { cardPhoto } from './images.ts'

let s3: TestBlobStore
/** The same S3 server, and a bucket that was never created. */
let missingBucket: ReturnType<typeof createS3BlobStore>
const lines: string[] = []
let onMissingBucket: TestContext
let onBucket: TestContext
beforeAll(async () => {
  s3 = await openTestBlobStore('s3')
  missingBucket = createS3BlobStore({ ...s3.s3!, bucket: `bango-missing-${randomUUID().slice(0, 8)}` })
  onBucket = await createTestContext({ blobs: s3.blobs })
  onMissingBucket = await createTestContext({ blobs: missingBucket, log: { level: 'info', stream: { write: (line: string) => void lines.push(line) } } })
})
afterAll(async () => {
  await onMissingBucket?.close()
  await onBucket?.close()
  missingBucket?.close()
  await s3?.close()
})

const ready = (context: TestContext) => context.app.inject({ method: 'GET', url: '/api/health/ready' })

describe('readiness on S3', () => {
  it('is ready when the bucket exists and the probe key is absent', async () => {
    await expect(s3.blobs.get('00000000-0000-0000-0000-000000000000')).rejects.toBeInstanceOf(BlobNotFoundError)
    const response = await ready(onBucket)
    expect([response.statusCode, response.json()]).toEqual([200, { status: 'ready', checks: { database: 'ok', blobStore: 'ok' } }])
  })

  it('is not ready (503, blobStore failed) when the bucket does not exist, and logs that it does not', async () => {
    const response = await ready(onMissingBucket)
    expect([response.statusCode, response.json()]).toEqual([503, { status: 'unready', checks: { database: 'ok', blobStore: 'failed' } }])
    expect(response.body).not.toContain('bucket')
    const logged = lines.map((line) => JSON.parse(line) as { check?: string; err?: { message: string } }).find((line) => line.check === 'blobStore')
    expect(logged?.err?.message).toMatch(/^S3 bucket "bango-missing-[0-9a-f]{8}" does not exist/)
  })

  it('reads a missing bucket as a failure, never as a missing blob', async () => {
    const key = randomUUID()
    const failure = await missingBucket.get(key).then(
      () => null,
      (error: unknown) => error,
    )
    expect(failure).not.toBeNull()
    expect(failure).not.toBeInstanceOf(BlobNotFoundError)
    expect(failure).toMatchObject({ code: 'BLOB_STORE_MISSING_BUCKET' })
    await expect(missingBucket.put(key, Buffer.from('x'))).rejects.toMatchObject({ code: 'BLOB_STORE_MISSING_BUCKET' })
    await expect(missingBucket.delete(key)).rejects.toMatchObject({ code: 'BLOB_STORE_MISSING_BUCKET' })
  })

  it('is the state in which an upload fails (what readiness keeps traffic away from)', async () => {
    const employee = await signedInEmployee(onMissingBucket)
    const body = imageUpload({ role: 'number', slot: 0, side: 'front', type: 'notification_card' }, await cardPhoto())
    const upload = await onMissingBucket.app.inject({
      method: 'POST',
      url: `/api/employee/persons/${employee.employee.id}/images`,
      headers: { ...employee.auth, ...body.headers },
      payload: body.payload,
    })
    expect(upload.statusCode).toBe(500)
  })
})

describe('the start-up check', () => {
  it('logs at error level, in the message itself, that the bucket is missing', async () => {
    const logged: { level: string; object: object; message: string }[] = []
    const log = { error: (object: object, message: string) => void logged.push({ level: 'error', object, message }) }
    const readiness = await logUnreadiness(onMissingBucket.app.services.readiness, log)
    expect(readiness.ready).toBe(false)
    expect(logged).toHaveLength(1)
    expect(logged[0]!.message).toMatch(/^not ready: blobStore — S3 bucket "bango-missing-[0-9a-f]{8}" does not exist/)
    expect(logged[0]!.object).toMatchObject({ check: 'blobStore' })
  })

  it('logs nothing when every check answers', async () => {
    const logged: string[] = []
    const readiness = await logUnreadiness(onBucket.app.services.readiness, { error: (_object, message) => void logged.push(message) })
    expect([readiness.ready, logged]).toEqual([true, []])
  })
})
