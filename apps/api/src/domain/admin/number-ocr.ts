/**
 * The OCR suggestion: the number read off the person's submitted number document when it was
 * uploaded (number-reads.ts) — at once — or, when nothing was read then (reads off, dropped, or
 * still waiting), read now: the images are decrypted in memory and read in the reading pool.
 * Only one number, read from the sides that carry it, is suggested; two different reads suggest
 * nothing. Never saved: HR accepts it into the typed entry, which the double entry then checks.
 * Beside it, the number the employee typed (when the campaign asked for it), for HR to compare.
 * Reading the images and showing the typed number are accesses, so they are an audit event (counts and flags only).
 */
import type { NumberOcrResponse } from '@bango/shared/admin-number'
import type { Db } from '../../db/types.ts'
import type { BlobStore } from '../../lib/blob-store.ts'
import { decryptBlobOffThread } from '../../lib/envelope.ts'
import type { NumberReader } from '../../lib/image-pool.ts'
import type { Keyring } from '../../lib/keys.ts'
import { type AuditLog, byOperator } from '../audit.ts'
import { documentAad } from '../drafts.ts'
import { openEmployeeNumber } from '../employee-number.ts'
import { documentCarriesNumber } from '../mappers.ts'
import type { NumberReads } from '../number-reads.ts'
import type { PersonScope } from './access.ts'
import { requireNotDisposed, requireSubmitted } from './person-number.ts'

export function createNumberOcr(db: Db, blobs: BlobStore, keyring: Keyring, reader: NumberReader, numberReads: NumberReads, audit: AuditLog) {
  /** Reads now the number-bearing sides that were not read at upload; stops at the first number. */
  async function readNow(personId: string) {
    const documents = await db.document.findMany({
      where: { personId, role: 'NUMBER', state: 'SUBMITTED', numberReadOutcome: null },
      orderBy: [{ side: 'asc' }, { createdAt: 'asc' }],
      select: { id: true, personId: true, blobKey: true, role: true, side: true, type: true },
    })
    let images = 0
    for (const document of documents) {
      if (!documentCarriesNumber(document)) continue
      const image = await decryptBlobOffThread(keyring, await blobs.get(document.blobKey), documentAad(document))
      images++
      try {
        const { number: found } = await reader.readNumber(image)
        if (found) return { number: found, images }
      } finally {
        image.fill(0)
      }
    }
    return { number: null, images }
  }

  return {
    /** Only for a person whose household pressed 完了 and who is not disposed of (CONFLICT, PERSON_DISPOSED). */
    async suggest(scope: PersonScope): Promise<NumberOcrResponse> {
      const { personId } = scope
      await requireSubmitted(db, scope.employeeId)
      await requireNotDisposed(db, personId)
      const atUpload = await numberReads.submitted(db, personId)
      const live = atUpload.numbers.length === 0 ? await readNow(personId) : { number: null, images: 0 }
      const suggestion = atUpload.numbers.length === 1 ? atUpload.numbers[0]! : live.number
      const { employeeEnteredNumber } = await db.person.findUniqueOrThrow({ where: { id: personId }, select: { employeeEnteredNumber: true } })
      const employeeEntry = employeeEnteredNumber ? openEmployeeNumber(keyring, personId, employeeEnteredNumber) : null
      await audit.record({
        ...byOperator(scope.operator, scope.companyId),
        action: 'number.ocr_read',
        targetId: personId,
        detail: {
          employeeId: scope.employeeId,
          images: live.images,
          readAtUpload: atUpload.numbers.length > 0,
          suggested: suggestion !== null,
          employeeEntryShown: employeeEntry !== null,
        },
      })
      return { suggestion, employeeEntry }
    },
    /** Ends the reading pool (the app's onClose). */
    close: () => reader.close(),
  }
}
