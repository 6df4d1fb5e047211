/**
 * The images of the approved, not disposed persons as a ZIP, streamed: each image is read,
 * decrypted in memory and handed to yazl only when its turn comes (`addReadStreamLazy`), so at
 * most one plaintext image is held whatever the campaign's size, and nothing touches disk.
 * `manifest.csv` comes last, with the SHA-256 of every image as written. Neither the file
 * names nor the manifest hold a number; names are UTF-8 (yazl always sets the UTF-8 flag).
 * The archive is not encrypted: ZIP's own encryption is weak (ZipCrypto) or non-standard
 * (WinZip AES) — the transport is TLS and the download is audited (ADR 013).
 */
import { webcrypto } from 'node:crypto'
import { Readable } from 'node:stream'
import { DOCUMENTS_MANIFEST_NAME } from '@bango/shared/admin-export'
import { type CsvRow, DOCUMENTS_MANIFEST_CSV } from '@bango/shared/csv-formats'
import { ZipFile } from 'yazl'
import type { Db } from '../../db/types.ts'
import type { Document } from '../../generated/prisma/client.ts'
import type { BlobStore } from '../../lib/blob-store.ts'
import { safeFileName } from '../../lib/content-disposition.ts'
import { decryptBlobOffThread } from '../../lib/envelope.ts'
import type { Keyring } from '../../lib/keys.ts'
import { type AuditLog, byOperator } from '../audit.ts'
import { documentAad } from '../drafts.ts'
import { type CampaignScope, requireLevel } from './access.ts'
import { type ExportedPerson, approvalDate, documentTypeLabel, exportedPersons } from './export-records.ts'

const roleName = (document: Document) => (document.role === 'NUMBER' ? '番号確認書類' : `身元確認書類${document.slot + 1}`)
const sideName = (document: Document) => (document.side === 'FRONT' ? 'おもて' : 'うら')

interface ArchiveEntry {
  path: string
  entry: ExportedPerson
  document: Document
}

/** `<社員番号>_<氏名>/<番号確認書類|身元確認書類1|2>_<おもて|うら>.jpg`; a second person of the same folder name gets `_2`. */
function plan(persons: ExportedPerson[]): ArchiveEntry[] {
  const folders = new Map<string, number>()
  return persons.flatMap((entry) => {
    const base = safeFileName(`${entry.employeeNumber}_${entry.person.name.replace(/\s+/g, '')}`)
    const seen = (folders.get(base) ?? 0) + 1
    folders.set(base, seen)
    const folder = seen === 1 ? base : `${base}_${seen}`
    return entry.person.documents.map((document) => ({ path: `${folder}/${roleName(document)}_${sideName(document)}.jpg`, entry, document }))
  })
}

export function createDocumentsArchive(db: Db, blobs: BlobStore, keyring: Keyring, audit: AuditLog, now: () => Date) {
  return {
    /**
     * Records the export, then returns the archive as a stream to send. A failure mid-way (a
     * missing blob) ends the stream with an error: the client gets a truncated, unusable file.
     */
    async export(scope: CampaignScope): Promise<Readable> {
      requireLevel(scope, 'export')
      const { operator, companyId, campaignId } = scope
      const persons = await exportedPersons(db, campaignId)
      const entries = plan(persons)
      await audit.record({
        ...byOperator(operator, companyId),
        action: 'export.documents_zip',
        targetId: campaignId,
        detail: { persons: persons.length, documents: entries.length, personIds: persons.map((p) => p.person.id) },
      })
      const zip = new ZipFile()
      const mtime = now()
      const manifest: CsvRow<typeof DOCUMENTS_MANIFEST_CSV.columns>[] = []
      for (const { path, entry, document } of entries) {
        // JPEG does not deflate: stored, which also keeps the CPU for decryption.
        zip.addReadStreamLazy(path, { compress: false, mtime }, (done) => {
          // Decrypted and hashed on the thread pool, as every image is (ADR 059).
          blobs
            .get(document.blobKey)
            .then((sealed) => decryptBlobOffThread(keyring, sealed, documentAad(document)))
            .then(async (plain) => ({ plain, sha256: Buffer.from(await webcrypto.subtle.digest('SHA-256', plain)).toString('hex') }))
            .then(
              ({ plain, sha256 }) => {
                manifest.push({
                  パス: path,
                  社員番号: entry.employeeNumber,
                  氏名: entry.person.name,
                  続柄: entry.person.relationship,
                  書類: `${roleName(document).replace(/\d$/, '')}：${documentTypeLabel(document.type)}`,
                  面: sideName(document),
                  承認日: approvalDate(entry.person.reviewedAt),
                  'SHA-256': sha256,
                })
                done(null, Readable.from([plain]))
              },
              (error: unknown) => done(error, Readable.from([])),
            )
        })
      }
      // Lazy entries are opened in order: by the manifest's turn every image has been hashed.
      zip.addReadStreamLazy(DOCUMENTS_MANIFEST_NAME, { mtime }, (done) =>
        done(null, Readable.from([Buffer.from(DOCUMENTS_MANIFEST_CSV.file(manifest, 'utf-8').bytes)])),
      )
      zip.end()
      const output = zip.outputStream as Readable
      zip.on('error', (error: Error) => output.destroy(error))
      return output
    },
  }
}
export type DocumentsArchive = ReturnType<typeof createDocumentsArchive>
