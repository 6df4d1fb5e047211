/**
 * Orphans from the pending_blobs table (domain/pending-blobs.ts): what a crash or a failed
 * delete leaves is retried by the sweeper, and no document ever ends up naming a deleted blob.
 * The crash is played by a blob store whose deletes fail (the process "died" before them).
 */
import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { build } from '../src/app.ts'
import type { BlobStore } from '../src/lib/blob-store.ts'
import { blobExists } from './blob-stores.ts'
import { type TestContext, createTestContext, imageUpload, signedInEmployee } from './harness.ts'
import { cardPhoto } from './images.ts'

let context: TestContext
let photo: Buffer
beforeAll(async () => {
  context = await createTestContext()
  photo = await cardPhoto()
})
afterAll(async () => {
  await context.close()
})

const future = () => new Date(Date.now() + 1000)
const numberFront = { role: 'number', slot: 0, side: 'front', type: 'my_number_card' }

describe('pending blobs', () => {
  it('keeps the pending row of a blob whose delete failed after the commit, and the sweeper deletes it later', async () => {
    let deletesFail = true
    const flaky: BlobStore = {
      ...context.blobs,
      delete: (key) => (deletesFail ? Promise.reject(new Error('crashed before the delete')) : context.blobs.delete(key)),
    }
    const app = await build({ db: context.db, blobs: flaky, secrets: context.secrets, rateLimits: { loginPerMinute: 1000, uploadPerMinute: 1000 } })
    try {
      const employee = await signedInEmployee({ ...context, app })
      const send = () => {
        const body = imageUpload(numberFront, photo)
        return app.inject({
          method: 'POST',
          url: `/api/employee/persons/${employee.employee.id}/images`,
          headers: { ...employee.auth, ...body.headers },
          payload: body.payload,
        })
      }
      expect((await send()).statusCode).toBe(201)
      const first = await context.db.document.findFirstOrThrow({ where: { personId: employee.employee.id } })
      // A re-capture replaces the row; the old blob's delete "crashes".
      expect((await send()).statusCode).toBe(201)
      expect(await context.db.document.count({ where: { blobKey: first.blobKey } })).toBe(0)
      expect(await blobExists(context.blobs, first.blobKey)).toBe(true)
      expect(await context.db.pendingBlob.count({ where: { blobKey: first.blobKey } })).toBe(1)

      // Within the grace period nothing happens; after it, the retry succeeds.
      expect(await app.services.drafts.collectOrphans(new Date(Date.now() - 3_600_000))).toBe(0)
      deletesFail = false
      expect(await app.services.drafts.collectOrphans(future())).toBeGreaterThanOrEqual(1)
      expect(await blobExists(context.blobs, first.blobKey)).toBe(false)
      expect(await context.db.pendingBlob.count({ where: { blobKey: first.blobKey } })).toBe(0)
      // The surviving draft's blob was adopted, never pending: untouched.
      const survivor = await context.db.document.findFirstOrThrow({ where: { personId: employee.employee.id } })
      expect(await blobExists(context.blobs, survivor.blobKey)).toBe(true)
    } finally {
      await app.close()
    }
  })

  it('records the blob of every deleted document row in the same transaction (the trigger)', async () => {
    const employee = await signedInEmployee(context)
    const body = imageUpload(numberFront, photo)
    const response = await context.app.inject({
      method: 'POST',
      url: `/api/employee/persons/${employee.employee.id}/images`,
      headers: { ...employee.auth, ...body.headers },
      payload: body.payload,
    })
    expect(response.statusCode).toBe(201)
    const document = await context.db.document.findUniqueOrThrow({ where: { id: response.json().id } })
    expect(await context.db.pendingBlob.count({ where: { blobKey: document.blobKey } })).toBe(0)
    // A rolled-back delete records nothing…
    await expect(
      context.db.$transaction(async (tx) => {
        await tx.document.delete({ where: { id: document.id } })
        throw new Error('rollback')
      }),
    ).rejects.toThrow('rollback')
    expect(await context.db.pendingBlob.count({ where: { blobKey: document.blobKey } })).toBe(0)
    // …a committed one records the blob, which the sweeper then deletes.
    await context.db.document.delete({ where: { id: document.id } })
    expect(await context.db.pendingBlob.count({ where: { blobKey: document.blobKey } })).toBe(1)
    await context.app.services.drafts.collectOrphans(future())
    expect(await blobExists(context.blobs, document.blobKey)).toBe(false)
  })

  it('fails an upload whose pending row the sweeper collected before its commit', async () => {
    const { pendingBlobs } = context.app.services
    const key = randomUUID()
    await pendingBlobs.record(key)
    await context.blobs.put(key, Buffer.from('ciphertext'))
    expect(await pendingBlobs.collect(future())).toBeGreaterThanOrEqual(1)
    await expect(context.db.$transaction((tx) => pendingBlobs.adopt(tx, key))).rejects.toThrow(/no longer pending/)
  })

  it('never deletes a blob that a document names, even with a pending row', async () => {
    const employee = await signedInEmployee(context)
    const body = imageUpload(numberFront, photo)
    const response = await context.app.inject({
      method: 'POST',
      url: `/api/employee/persons/${employee.employee.id}/images`,
      headers: { ...employee.auth, ...body.headers },
      payload: body.payload,
    })
    const document = await context.db.document.findUniqueOrThrow({ where: { id: response.json().id } })
    await context.db.pendingBlob.create({ data: { blobKey: document.blobKey, createdAt: new Date(0) } })
    expect(await context.app.services.pendingBlobs.release([document.blobKey])).toBe(0)
    await context.app.services.drafts.collectOrphans(future())
    expect(await blobExists(context.blobs, document.blobKey)).toBe(true)
  })
})
