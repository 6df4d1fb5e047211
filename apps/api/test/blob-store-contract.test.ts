/**
 * The BlobStore contract, run against the file store and against the S3 store on a real
 * S3-protocol server (s3rver, started in-process). Whatever the domain relies on is here:
 * put/get/delete, a missing key, overwrite, a large object, concurrent puts, durability
 * (another client — a restarted process, a second instance — reads what a put returned for),
 * and key validation. File-specific properties (modes, temp files) stay in lib/blob-store.test.ts.
 */
import { randomBytes, randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { BlobNotFoundError } from '../src/lib/blob-store.ts'
import { type BlobStoreKind, type TestBlobStore, blobExists, openTestBlobStore, storedKeys } from './blob-stores.ts'

describe.each<BlobStoreKind>(['fs', 's3'])('the %s blob store', (kind) => {
  let store: TestBlobStore
  beforeAll(async () => {
    store = await openTestBlobStore(kind)
  })
  afterAll(async () => {
    await store?.close()
  })

  it('gets the bytes it was given, and lists the key with its write time', async () => {
    const key = randomUUID()
    const bytes = randomBytes(1000)
    const before = Date.now()
    await store.blobs.put(key, bytes)
    expect((await store.blobs.get(key)).equals(bytes)).toBe(true)
    const listed = []
    for await (const blob of store.blobs.list()) if (blob.key === key) listed.push(blob)
    expect(listed).toHaveLength(1)
    // S3 keeps whole seconds.
    expect(listed[0]!.writtenAt.getTime()).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000 - 1000)
  })

  it('answers a missing key with BlobNotFoundError, before and after a delete', async () => {
    const key = randomUUID()
    await expect(store.blobs.get(key)).rejects.toBeInstanceOf(BlobNotFoundError)
    await store.blobs.put(key, Buffer.from('x'))
    await store.blobs.delete(key)
    await expect(store.blobs.get(key)).rejects.toMatchObject({ code: 'BLOB_NOT_FOUND' })
    expect(await storedKeys(store.blobs)).not.toContain(key)
  })

  it('deletes a key that does not exist, or twice, without error', async () => {
    const key = randomUUID()
    await expect(store.blobs.delete(key)).resolves.toBeUndefined()
    await store.blobs.put(key, Buffer.from('x'))
    await store.blobs.delete(key)
    await expect(store.blobs.delete(key)).resolves.toBeUndefined()
  })

  it('replaces the bytes of an existing key whole, leaving one key', async () => {
    const key = randomUUID()
    await store.blobs.put(key, randomBytes(5000))
    const shorter = randomBytes(10)
    await store.blobs.put(key, shorter)
    expect((await store.blobs.get(key)).equals(shorter)).toBe(true)
    expect((await storedKeys(store.blobs)).filter((k) => k === key)).toHaveLength(1)
  })

  it('keeps a large object intact (12 MiB)', async () => {
    const key = randomUUID()
    const large = randomBytes(12 * 1024 * 1024)
    await store.blobs.put(key, large)
    expect((await store.blobs.get(key)).equals(large)).toBe(true)
    await store.blobs.delete(key)
  })

  it('keeps every blob of concurrent puts, and one whole version of a key written concurrently', async () => {
    const blobs = Array.from({ length: 20 }, () => ({ key: randomUUID(), bytes: randomBytes(64 * 1024) }))
    await Promise.all(blobs.map(({ key, bytes }) => store.blobs.put(key, bytes)))
    for (const { key, bytes } of blobs) expect((await store.blobs.get(key)).equals(bytes)).toBe(true)

    // One key written concurrently: ours renames a complete temp file into place. S3 promises the
    // same per PUT, but s3rver (the test's stand-in) writes its files in place, so a read can
    // catch a mix of two versions: that would test s3rver, not Bango.
    if (kind === 's3') return
    const contested = randomUUID()
    const versions = Array.from({ length: 8 }, () => randomBytes(256 * 1024))
    await Promise.all(versions.map((bytes) => store.blobs.put(contested, bytes)))
    const final = await store.blobs.get(contested)
    expect(versions.some((bytes) => bytes.equals(final))).toBe(true)
  })

  it('is durable once put resolves: another client on the same storage reads it, and sees deletes', async () => {
    const key = randomUUID()
    const bytes = randomBytes(2048)
    await store.blobs.put(key, bytes)
    const other = store.reopen()
    expect((await other.get(key)).equals(bytes)).toBe(true)
    await other.delete(key)
    expect(await blobExists(store.blobs, key)).toBe(false)
  })

  it.each(['../x', `${randomUUID()}/../x`, '', 'ABCDEF00-0000-4000-8000-000000000000', `${randomUUID()}x`])(
    'refuses the invalid key %j for put, get and delete',
    async (key) => {
      const attempt = (run: () => Promise<unknown>) => Promise.resolve().then(run)
      await expect(attempt(() => store.blobs.put(key, Buffer.from('evil')))).rejects.toThrow('invalid blob key')
      await expect(attempt(() => store.blobs.get(key))).rejects.toThrow('invalid blob key')
      await expect(attempt(() => store.blobs.delete(key))).rejects.toThrow('invalid blob key')
    },
  )
})
