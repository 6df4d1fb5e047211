/**
 * The number read off a number-bearing image as it arrives (ADR 042): after the upload has
 * answered, one image at a time, in the reading pool at the lowest CPU priority; the outcome is
 * kept on the document's row, the digits sealed and bound to that document. The employee learns
 * at once when a photo cannot be read (advice to retake, never a refusal) and whether a typed
 * number matches the photo; HR's suggestion starts from it instead of reading for seconds. The
 * number itself never goes back to the employee's browser.
 *
 * A number read only with the image turned (a card held upside down, straightened the wrong way
 * round, or photographed sideways without an EXIF tag) tells which way is up: the stored image is
 * replaced by the image put upright, as an upload replaces a draft (pending row, blob, then the
 * row in one transaction, the old blob released after it), so HR and the export see it upright.
 */
import type { NumberCheckResponse, NumberReadResponse } from '@bango/shared/employee-api'
import { randomUUID } from 'node:crypto'
import type { Db, Tx } from '../db/types.ts'
import { AppError } from '../errors.ts'
import type { BlobStore } from '../lib/blob-store.ts'
import { decryptBlob, encryptBlob, encryptBlobOffThread } from '../lib/envelope.ts'
import type { NumberReader } from '../lib/image-pool.ts'
import type { NormalizedImage } from '../lib/images.ts'
import type { Keyring } from '../lib/keys.ts'
import type { EmployeeIdentity } from './credentials.ts'
import { documentAad } from './drafts.ts'
import { documentCarriesNumber } from './mappers.ts'
import { openDraftPerson } from './ownership.ts'
import type { PendingBlobs } from './pending-blobs.ts'

/** Reads waiting beyond this are dropped (their rows stay unread): a burst of uploads must not hold hundreds of images in memory. */
const MAX_WAITING = 20

const aad = (documentId: string) => `my-number:read:${documentId}`

type Logger = { warn(object: object, message: string): void }

interface Stores {
  blobs: BlobStore
  pendingBlobs: PendingBlobs
}

export function createNumberReads(
  db: Db,
  keyring: Keyring,
  reader: NumberReader,
  { blobs, pendingBlobs }: Stores,
  options: { enabled: boolean; log?: Logger },
) {
  let queue: Promise<void> = Promise.resolve()
  let waiting = 0

  /** Replaces the document's image by `upright` unless the image was replaced meanwhile (a retake) or the row is gone. */
  async function storeUpright(document: { id: string; personId: string; blobKey: string }, upright: NormalizedImage) {
    const blobKey = randomUUID()
    await pendingBlobs.record(blobKey)
    let replaced = false
    try {
      await blobs.put(blobKey, await encryptBlobOffThread(keyring, upright.jpeg, documentAad(document)))
      replaced = await db.$transaction(async (tx) => {
        const { count } = await tx.document.updateMany({
          where: { id: document.id, blobKey: document.blobKey },
          data: { blobKey, byteSize: upright.jpeg.length, width: upright.width, height: upright.height },
        })
        if (count === 0) return false
        await pendingBlobs.adopt(tx, blobKey)
        // The old blob, named by no row now, goes as a deleted document's would.
        await tx.pendingBlob.create({ data: { blobKey: document.blobKey } })
        return true
      })
    } finally {
      await pendingBlobs.release([replaced ? document.blobKey : blobKey]).catch(() => {})
    }
  }

  async function read(document: { id: string; personId: string; blobKey: string }, jpeg: Buffer) {
    try {
      const { number, upright } = await reader.readNumber(jpeg)
      // The row may be gone (a retake replaced it): then nothing is written.
      await db.document.updateMany({
        where: { id: document.id },
        data: number
          ? { numberReadOutcome: 'FOUND', numberRead: new Uint8Array(encryptBlob(keyring, Buffer.from(number, 'ascii'), aad(document.id))) }
          : { numberReadOutcome: 'NONE', numberRead: null },
      })
      if (upright) await storeUpright(document, upright)
    } catch (error) {
      options.log?.warn({ err: error, documentId: document.id }, 'reading the number off an upload failed; HR reads it when asked')
    } finally {
      waiting--
    }
  }

  /** The numbers read off these rows (FOUND), opened. */
  const opened = (rows: { id: string; numberRead: Uint8Array | null }[]) =>
    rows.flatMap((row) => (row.numberRead ? [decryptBlob(keyring, Buffer.from(row.numberRead), aad(row.id)).toString('ascii')] : []))

  return {
    /**
     * Queues the read of a just-stored image when its side carries the number; returns at once.
     * Nothing is read when the server was built without reads at upload, or 20 wait already.
     */
    schedule(document: { id: string; personId: string; blobKey: string; role: 'NUMBER' | 'IDENTITY'; type: string; side: 'FRONT' | 'BACK' }, jpeg: Buffer) {
      if (!options.enabled || !documentCarriesNumber(document) || waiting >= MAX_WAITING) return
      waiting++
      // After the current request has answered: the read never delays the upload's response.
      queue = queue.then(() => new Promise((resolve) => setImmediate(resolve))).then(() => read(document, jpeg))
    },

    /** Resolves once every read queued so far has been written (tests, shutdown). */
    settled: () => queue,

    /** What the employee's preview shows for one of their draft images. */
    async state(identity: EmployeeIdentity, personId: string, documentId: string): Promise<NumberReadResponse> {
      const document = await db.$transaction(async (tx) => {
        const person = await openDraftPerson(tx, identity, personId)
        return tx.document.findFirst({
          where: { id: documentId, personId: person.id, state: 'DRAFT' },
          select: { role: true, side: true, type: true, numberReadOutcome: true },
        })
      })
      if (!document) throw new AppError('NOT_FOUND')
      if (!documentCarriesNumber(document)) return { state: 'no_number' }
      if (document.numberReadOutcome === null) return { state: 'reading' }
      return { state: document.numberReadOutcome === 'FOUND' ? 'read' : 'unreadable' }
    },

    /** A number the employee typed for a person, against what was read off that person's draft photos. */
    async check(identity: EmployeeIdentity, personId: string, myNumber: string): Promise<NumberCheckResponse> {
      const rows = await db.$transaction(async (tx) => {
        const person = await openDraftPerson(tx, identity, personId)
        return tx.document.findMany({
          where: { personId: person.id, role: 'NUMBER', state: 'DRAFT', numberReadOutcome: 'FOUND' },
          select: { id: true, numberRead: true },
        })
      })
      const read = opened(rows)
      if (read.length === 0) return { result: 'unknown' }
      return { result: read.includes(myNumber) ? 'same' : 'different' }
    },

    /**
     * What was read off a person's submitted number documents (HR's suggestion): the distinct
     * numbers, how many images a number was read off, and how many number-bearing images are unread.
     */
    async submitted(tx: Tx | Db, personId: string): Promise<{ numbers: string[]; images: number; unread: number }> {
      const rows = await tx.document.findMany({
        where: { personId, role: 'NUMBER', state: 'SUBMITTED' },
        select: { id: true, role: true, side: true, type: true, numberReadOutcome: true, numberRead: true },
      })
      const carrying = rows.filter(documentCarriesNumber)
      const read = opened(carrying)
      return { numbers: [...new Set(read)], images: read.length, unread: carrying.filter((row) => row.numberReadOutcome === null).length }
    },
  }
}
export type NumberReads = ReturnType<typeof createNumberReads>
