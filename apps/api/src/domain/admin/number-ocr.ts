/**
 * The OCR suggestion: the person's submitted number-document images are decrypted in memory,
 * read by the OCR worker, and the first 12-digit run with a valid check digit is suggested.
 * Never saved: HR accepts it into the typed entry, which the double entry then checks. Reading
 * the images is an access to documents, so it is an audit event (counts only).
 */
import type { Db } from '../../db/types.ts'
import type { BlobStore } from '../../lib/blob-store.ts'
import { decryptBlob } from '../../lib/envelope.ts'
import type { Keyring } from '../../lib/keys.ts'
import { readMyNumber } from '../../lib/number-reading.ts'
import type { OcrReader } from '../../lib/ocr.ts'
import { type AuditLog, byOperator } from '../audit.ts'
import { documentAad } from '../drafts.ts'
import type { NumberScope } from './person-number.ts'

export function createNumberOcr(db: Db, blobs: BlobStore, keyring: Keyring, ocr: OcrReader, audit: AuditLog) {
  return {
    async suggest(scope: NumberScope, personId: string): Promise<string | null> {
      const documents = await db.document.findMany({
        where: { personId, role: 'NUMBER', state: 'SUBMITTED' },
        orderBy: [{ side: 'asc' }, { createdAt: 'asc' }],
        select: { id: true, personId: true, blobKey: true },
      })
      let suggestion: string | null = null
      let read = 0
      for (const document of documents) {
        const image = decryptBlob(keyring, await blobs.get(document.blobKey), documentAad(document))
        read++
        suggestion = await readMyNumber(ocr, image)
        if (suggestion) break
      }
      await audit.record({
        ...byOperator(scope.operator, scope.companyId),
        action: 'number.ocr_read',
        targetId: personId,
        detail: { employeeId: scope.employeeId, images: read, suggested: suggestion !== null },
      })
      return suggestion
    },
    /** Ends the OCR worker (the app's onClose). */
    close: () => ocr.close(),
  }
}
