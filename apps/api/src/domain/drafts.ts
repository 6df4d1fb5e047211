/**
 * Draft images: encrypted on arrival, replaced on re-capture, discarded when a person is
 * reset or set not applicable, purged after the campaign's draft lifetime.
 * Pending row first, blob second, document third (which adopts the pending row in its
 * transaction): a crash in between leaves an unreferenced ciphertext with its pending row,
 * which the sweeper collects; a row never points at a missing blob (domain/pending-blobs.ts).
 */
import { type BackAbsenceRequest, DRAFT_THUMBNAIL_EDGE, type DraftResponse, draftResponseSchema, type ImageFields } from '@bango/shared/employee-api'
import { randomUUID } from 'node:crypto'
import type { Db, Tx } from '../db/types.ts'
import { Prisma } from '../generated/prisma/client.ts'
import { AppError } from '../errors.ts'
import type { BlobStore } from '../lib/blob-store.ts'
import { decryptBlobOffThread, encryptBlobOffThread } from '../lib/envelope.ts'
import { killPoint } from '../lib/kill-points.ts'
import type { ImageProcessor } from '../lib/image-pool.ts'
import type { WorkQueue } from '../lib/work-queue.ts'
import type { Keyring } from '../lib/keys.ts'
import { type AuditLog, byEmployee } from './audit.ts'
import type { EmployeeIdentity } from './credentials.ts'
import { toImageSlot, toRole, toSide } from './mappers.ts'
import { openDraftPerson } from './ownership.ts'
import type { PendingBlobs } from './pending-blobs.ts'
import type { NumberReads } from './number-reads.ts'
import { advanceProgress } from './progress.ts'

/** Binds a blob to its record: the same ciphertext under another row does not decrypt. */
export const documentAad = (document: { id: string; personId: string }) => `bango:document:${document.id}:person:${document.personId}`

export function createDrafts(
  db: Db,
  blobs: BlobStore,
  pendingBlobs: PendingBlobs,
  keyring: Keyring,
  audit: AuditLog,
  imageWork: WorkQueue,
  images: ImageProcessor,
  numberReads: NumberReads,
) {
  /**
   * Deletes blobs after the rows that named them are gone (deleting a document records its
   * blob as pending, in the same transaction); a failure leaves the pending row for the sweeper.
   */
  async function deleteBlobs(keys: readonly string[]) {
    await pendingBlobs.release(keys).catch(() => {})
  }

  /**
   * Inside the caller's transaction: deletes the drafts of every person of the campaign who has
   * one older than `cutoff` (null: any draft) and puts them back to 未登録. Returns the blob keys
   * to delete once the transaction has committed (a blob never disappears under a row that
   * survives a rollback).
   */
  async function purgeCampaignDrafts(tx: Tx, campaignId: string, cutoff: Date | null): Promise<{ persons: number; blobKeys: string[] }> {
    const expired = await tx.document.findMany({
      where: { state: 'DRAFT', ...(cutoff ? { createdAt: { lt: cutoff } } : {}), person: { campaignId } },
      distinct: ['personId'],
      select: { personId: true },
    })
    if (expired.length === 0) return { persons: 0, blobKeys: [] }
    const personIds = expired.map((d) => d.personId)
    // The same per-employee lock as every draft change (ownership.lockEmployee), so a
    // purge cannot interleave with 「登録する」 or 「完了」.
    await tx.$queryRaw`SELECT id FROM persons WHERE id IN (
      SELECT COALESCE(employee_id, id) FROM persons WHERE id = ANY(${personIds}::uuid[])) ORDER BY id FOR UPDATE`
    // DELETE … RETURNING: exactly the rows removed, never one a concurrent 完了 just submitted.
    const deleted = await tx.$queryRaw<{ blob_key: string }[]>`
      DELETE FROM documents WHERE state = 'DRAFT' AND person_id = ANY(${personIds}::uuid[]) RETURNING blob_key`
    await tx.person.updateMany({
      where: { id: { in: personIds }, status: 'REGISTERED' },
      data: { status: 'PENDING', registration: Prisma.DbNull, registeredAt: null, employeeEnteredNumber: null },
    })
    return { persons: personIds.length, blobKeys: deleted.map((row) => row.blob_key) }
  }

  async function checkTarget(tx: Tx, identity: EmployeeIdentity, personId: string, fields: ImageFields) {
    const person = await openDraftPerson(tx, identity, personId)
    if (fields.role === 'identity' && person.kind !== 'EMPLOYEE') {
      throw new AppError('VALIDATION', { message: 'identity documents belong to the employee only' })
    }
    return person
  }

  return {
    /** Checks the target before the upload is read, so a refused request costs nothing. */
    checkTarget: (identity: EmployeeIdentity, personId: string, fields: ImageFields) => checkTarget(db, identity, personId, fields),

    async store(identity: EmployeeIdentity, personId: string, fields: ImageFields, upload: readonly Buffer[]) {
      const image = await imageWork.run(() => images.normalize(upload))
      killPoint('upload.normalised')
      const id = randomUUID()
      const blobKey = randomUUID()
      await pendingBlobs.record(blobKey)
      try {
        const ciphertext = await encryptBlobOffThread(keyring, image.jpeg, documentAad({ id, personId }))
        killPoint('upload.encrypted')
        await blobs.put(blobKey, ciphertext)
        killPoint('upload.blob-durable')
        const { replaced, document } = await db.$transaction(async (tx) => {
          const person = await checkTarget(tx, identity, personId, fields)
          const slot = { personId: person.id, role: toRole(fields.role), slot: fields.slot, side: toSide(fields.side), state: 'DRAFT' } as const
          const replaced = await tx.document.findMany({ where: slot, select: { id: true, blobKey: true } })
          await tx.document.deleteMany({ where: { id: { in: replaced.map((r) => r.id) } } })
          await pendingBlobs.adopt(tx, blobKey)
          const document = await tx.document.create({
            data: { ...slot, id, type: fields.type, blobKey, byteSize: image.jpeg.length, width: image.width, height: image.height },
          })
          await audit.record(
            {
              ...byEmployee(identity),
              action: 'draft.image_stored',
              targetId: id,
              detail: { personId, role: fields.role, slot: fields.slot, side: fields.side },
            },
            tx,
          )
          await advanceProgress(tx, identity.employeeId, 'IN_PROGRESS')
          killPoint('upload.row-written')
          return { replaced, document }
        })
        killPoint('upload.committed')
        await deleteBlobs(replaced.map((r) => r.blobKey))
        killPoint('upload.cleaned-up')
        numberReads.schedule(document, image.jpeg)
        return { id: document.id, role: fields.role, slot: fields.slot, side: fields.side, width: document.width, height: document.height }
      } catch (error) {
        await deleteBlobs([blobKey])
        throw error
      }
    },

    /** The images already sent for a person still being done (what a reload or a new login resumes from). */
    async images(identity: EmployeeIdentity, personId: string): Promise<DraftResponse> {
      const rows = await db.$transaction(async (tx) => {
        const person = await openDraftPerson(tx, identity, personId)
        return tx.document.findMany({
          where: { personId: person.id, state: 'DRAFT' },
          select: { id: true, role: true, slot: true, side: true, type: true, backAbsent: true },
          orderBy: [{ role: 'asc' }, { slot: 'asc' }, { side: 'asc' }],
        })
      })
      return draftResponseSchema.parse({ images: rows.map((row) => ({ id: row.id, type: row.type, backAbsent: row.backAbsent, ...toImageSlot(row) })) })
    },

    /**
     * 「うら面はありません」 kept with the draft front it is about, so a new sign-in (another
     * device) resumes past the back; NOT_FOUND without such a front. A draft choice like the
     * images: not audited, gone with the row.
     */
    async declareBackAbsence(identity: EmployeeIdentity, personId: string, request: BackAbsenceRequest): Promise<void> {
      await db.$transaction(async (tx) => {
        const person = await openDraftPerson(tx, identity, personId)
        const { count } = await tx.document.updateMany({
          where: { personId: person.id, role: toRole(request.role), slot: request.slot, side: 'FRONT', state: 'DRAFT' },
          data: { backAbsent: request.absent },
        })
        if (count === 0) throw new AppError('NOT_FOUND')
      })
    },

    /**
     * A small JPEG of one of the employee's own draft images, so a resumed wizard shows what was
     * already sent. Refused like an upload once the person is registered or submitted; any
     * other id (another person's, a submitted one, unknown) is NOT_FOUND alike. Audited.
     */
    async thumbnail(identity: EmployeeIdentity, personId: string, documentId: string): Promise<Buffer> {
      const document = await db.$transaction(async (tx) => {
        const person = await openDraftPerson(tx, identity, personId)
        return tx.document.findFirst({ where: { id: documentId, personId: person.id, state: 'DRAFT' }, select: { id: true, personId: true, blobKey: true } })
      })
      if (!document) throw new AppError('NOT_FOUND')
      // A retake may have replaced the image (and deleted its blob) since the row was read.
      const sealed = await blobs.get(document.blobKey).catch((error: unknown) => {
        throw new AppError('NOT_FOUND', { cause: error })
      })
      const plain = await decryptBlobOffThread(keyring, sealed, documentAad(document))
      try {
        const small = await imageWork.run(() => images.thumbnail(plain, DRAFT_THUMBNAIL_EDGE))
        await audit.record({ ...byEmployee(identity), action: 'draft.image_viewed', targetId: document.id, detail: { personId } })
        return small
      } finally {
        plain.fill(0)
      }
    },

    /** Removes draft rows inside the caller's transaction; returns the blob keys to delete after commit. */
    async discard(tx: Tx, where: { personIds: string[]; except?: string[] }): Promise<string[]> {
      const drafts = await tx.document.findMany({
        where: { personId: { in: where.personIds }, state: 'DRAFT', id: { notIn: where.except ?? [] } },
        select: { id: true, blobKey: true },
      })
      await tx.document.deleteMany({ where: { id: { in: drafts.map((d) => d.id) }, state: 'DRAFT' } })
      return drafts.map((d) => d.blobKey)
    },

    deleteBlobs,

    purgeCampaignDrafts,

    /**
     * Purges the drafts of every person who has a draft older than the campaign's draft
     * lifetime (all drafts once a campaign is closed), and puts them back to 未登録.
     */
    async purgeExpired(now: Date): Promise<{ persons: number; images: number }> {
      let persons = 0
      let images = 0
      for (const campaign of await db.campaign.findMany({ select: { id: true, companyId: true, status: true, draftLifetimeHours: true } })) {
        const cutoff = campaign.status === 'OPEN' ? new Date(now.getTime() - campaign.draftLifetimeHours * 3_600_000) : now
        // A cheap look first: most campaigns have nothing to purge on most sweeps.
        const any = await db.document.findFirst({
          where: { state: 'DRAFT', createdAt: { lt: cutoff }, person: { campaignId: campaign.id } },
          select: { id: true },
        })
        if (!any) continue
        const purged = await db.$transaction(async (tx) => {
          const result = await purgeCampaignDrafts(tx, campaign.id, cutoff)
          if (result.persons > 0) {
            await audit.record(
              {
                companyId: campaign.companyId,
                actorType: 'system',
                actorId: null,
                action: 'draft.purged',
                detail: { persons: result.persons, images: result.blobKeys.length },
              },
              tx,
            )
          }
          return result
        })
        await deleteBlobs(purged.blobKeys)
        persons += purged.persons
        images += purged.blobKeys.length
      }
      return { persons, images }
    },

    /**
     * Deletes the blobs pending since before `olderThan` that no row points at (left by a crash,
     * or a failed delete), and blob writes a crash cut short; returns how many.
     */
    collectOrphans: async (olderThan: Date): Promise<number> => (await pendingBlobs.collect(olderThan)) + (await blobs.removeIncomplete(olderThan)),
  }
}
export type Drafts = ReturnType<typeof createDrafts>
