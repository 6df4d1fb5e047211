/**
 * HR looks at one submitted image: decrypted in memory, watermarked with the viewer and the
 * time, handed to the route as bytes — never written to disk, never cached. Every view is an
 * audit event. Only SUBMITTED documents of the campaign: a draft, another campaign's
 * document or an unknown id are all NOT_FOUND alike.
 */
import type { Db } from '../../db/types.ts'
import { AppError } from '../../errors.ts'
import type { BlobStore } from '../../lib/blob-store.ts'
import { decryptBlobOffThread } from '../../lib/envelope.ts'
import type { Keyring } from '../../lib/keys.ts'
import { watermarkImage, watermarkTime } from '../../lib/watermark.ts'
import { type AuditLog, byOperator } from '../audit.ts'
import { documentAad } from '../drafts.ts'
import type { CampaignScope } from './access.ts'

export function createDocumentViewer(db: Db, blobs: BlobStore, keyring: Keyring, audit: AuditLog, now: () => Date) {
  return {
    /** Returns a JPEG. */
    async view({ operator, companyId, campaignId }: CampaignScope, documentId: string): Promise<Buffer> {
      const document = await db.document.findFirst({
        where: { id: documentId, state: 'SUBMITTED', person: { campaignId } },
        select: { id: true, personId: true, blobKey: true, role: true, slot: true, side: true, type: true },
      })
      if (!document) throw new AppError('NOT_FOUND')
      const plain = await decryptBlobOffThread(keyring, await blobs.get(document.blobKey), documentAad(document))
      const at = now()
      const marked = await watermarkImage(plain, `${operator.name} 閲覧 ${watermarkTime(at)}`)
      plain.fill(0)
      // Recorded once the bytes exist, before they leave: a failed decrypt is not a view. The
      // detail says whose and which image it was: the person's events find it, and the audit
      // log still says so once the document is disposed of (ADR 047).
      const { personId, role, slot, side, type } = document
      await audit.record({
        ...byOperator(operator, companyId),
        action: 'document.viewed',
        targetId: document.id,
        detail: { personId, role: role.toLowerCase(), slot, side: side.toLowerCase(), type },
      })
      return marked
    },
  }
}
export type DocumentViewer = ReturnType<typeof createDocumentViewer>
