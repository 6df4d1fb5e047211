/**
 * Key rotation over a store that has lost blobs, on the file store and on S3: a blob missing
 * while its document still names it (a restore of the blobs older than the database, a bucket
 * emptied by hand) is reported and skipped, and the rotation goes on with the others; a blob
 * disposed of with its document while the rotation ran is skipped without a word. Both stores
 * say "not found" with their own BlobNotFoundError. The whole rotation is in data-at-rest.test.ts.
 */
import { randomBytes } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { rotateKeys } from '../src/domain/key-rotation.ts'
import type { BlobStore } from '../src/lib/blob-store.ts'
import { blobKeyId } from '../src/lib/envelope.ts'
import { parseKeks } from '../src/lib/keys.ts'
import { type BlobStoreKind, type TestBlobStore, blobExists, openTestBlobStore } from './blob-stores.ts'
import { type TestContext, createTestContext } from './harness.ts'
import { submittedEmployee } from './number-helpers.ts'

const key = () => randomBytes(32).toString('base64')
const OLD_KEKS = `old-1:${key()}`
const rotated = parseKeks(`new-2:${key()},${OLD_KEKS}`)

describe.each<BlobStoreKind>(['fs', 's3'])('key rotation on the %s store', (kind) => {
  let store: TestBlobStore
  let context: TestContext
  beforeAll(async () => {
    store = await openTestBlobStore(kind)
    context = await createTestContext({
      blobs: store.blobs,
      secrets: { keyring: parseKeks(OLD_KEKS), jwtSecret: randomBytes(32), numberHmacKey: randomBytes(32) },
    })
  })
  afterAll(async () => {
    await context?.close()
    await store?.close()
  })

  /** A household's four document images, written under the old key. */
  async function household() {
    const employee = await submittedEmployee(context)
    const persons = [employee.employee.id, ...employee.dependents.map((d) => d.id)]
    const documents = await context.db.document.findMany({ where: { personId: { in: persons } }, orderBy: { id: 'asc' } })
    expect(documents).toHaveLength(4)
    return documents
  }
  it('reports a blob missing while its document remains, skips it, and re-wraps the others', async () => {
    const [first, lost, ...rest] = await household()
    await store.blobs.delete(lost!.blobKey)

    const report = await rotateKeys(context.db, store.blobs, rotated)

    expect(report.sources.blobs).toEqual({ rewrapped: 3, current: 0, failed: 1 })
    expect(report.failures).toEqual([`blobs ${lost!.id}: blob ${lost!.blobKey} not found, its document remains`])
    for (const document of [first!, ...rest]) expect(blobKeyId(await store.blobs.get(document.blobKey))).toBe('new-2')
    // Nothing was written in its place.
    expect(await blobExists(store.blobs, lost!.blobKey)).toBe(false)
  })

  it('skips a blob disposed of with its document while the rotation ran, and reports nothing', async () => {
    const documents = await household()
    const disposed = documents[2]!
    // The disposal commits between the rotation's page of documents and its read of that blob.
    const racing: BlobStore = {
      ...store.blobs,
      get: async (blobKey) => {
        if (blobKey === disposed.blobKey) {
          await context.db.document.delete({ where: { id: disposed.id } })
          await store.blobs.delete(blobKey)
        }
        return store.blobs.get(blobKey)
      },
    }

    const report = await rotateKeys(context.db, racing, rotated)

    expect(report.failures.filter((failure) => documents.some((d) => failure.includes(d.id)))).toEqual([])
    for (const document of documents.filter((d) => d !== disposed)) expect(blobKeyId(await store.blobs.get(document.blobKey))).toBe('new-2')
    // Not written back: a disposed document's blob stays gone.
    expect(await blobExists(store.blobs, disposed.blobKey)).toBe(false)
  })
})
