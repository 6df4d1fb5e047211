/**
 * Key rotation (`pnpm keys:rotate`): after a new key-encryption key was put first in BANGO_KEKS,
 * every data key still wrapped by an older key is re-wrapped by the active one — the document
 * blobs and the envelope-encrypted database values (recorded numbers, held first entries, the
 * numbers employees typed, numbers read off uploads, TOTP secrets). Only the envelope header changes: no plaintext is
 * decrypted and the encrypted bodies stay byte for byte the same (lib/envelope.ts rewrapBlob).
 *
 * Resumable and idempotent: each item is rewritten on its own (a blob atomically by the store, a
 * value by a conditional UPDATE), items already under the active key are skipped, so a run that
 * stopped half-way is simply run again. When a run reports nothing left under an old key, that
 * key can leave BANGO_KEKS.
 * @see docs/decisions/017-key-rotation.md
 */
import type { Db } from '../db/types.ts'
import { type BlobStore, BlobNotFoundError } from '../lib/blob-store.ts'
import { rewrapBlob } from '../lib/envelope.ts'
import type { Keyring } from '../lib/keys.ts'

export interface RotationCounts {
  /** Re-wrapped by this run (or, with dryRun, that would be). */
  rewrapped: number
  /** Already under the active key. */
  current: number
  /** Could not be re-wrapped (unknown key, damaged header): listed in `failures`. */
  failed: number
}
export interface RotationReport {
  activeKeyId: string
  /** Per source: `blobs` and one entry per encrypted column. */
  sources: Record<string, RotationCounts>
  /** Where the failures are, without any content: `source id: reason`. */
  failures: string[]
}

type Bytes = Uint8Array<ArrayBuffer>
interface SealedValue {
  id: string
  value: Bytes
}
interface SealedColumn {
  /** First page (after = null), then the page after `after` (ids ascending). */
  page(after: string | null, take: number): Promise<SealedValue[]>
  /** Replaces the value only if it is still `old` (the app may have rewritten it meanwhile). */
  replace(id: string, old: Bytes, value: Bytes): Promise<number>
}

const after = (id: string | null) => (id === null ? {} : { gt: id })

function sealedColumns(db: Db): Record<string, SealedColumn> {
  return {
    'persons.my_number': {
      page: async (from, take) =>
        (
          await db.person.findMany({ where: { id: after(from), myNumber: { not: null } }, select: { id: true, myNumber: true }, orderBy: { id: 'asc' }, take })
        ).map((row) => ({ id: row.id, value: row.myNumber! })),
      replace: async (id, old, value) => (await db.person.updateMany({ where: { id, myNumber: { equals: old } }, data: { myNumber: value } })).count,
    },
    'persons.employee_entered_number': {
      page: async (from, take) =>
        (
          await db.person.findMany({
            where: { id: after(from), employeeEnteredNumber: { not: null } },
            select: { id: true, employeeEnteredNumber: true },
            orderBy: { id: 'asc' },
            take,
          })
        ).map((row) => ({ id: row.id, value: row.employeeEnteredNumber! })),
      replace: async (id, old, value) =>
        (await db.person.updateMany({ where: { id, employeeEnteredNumber: { equals: old } }, data: { employeeEnteredNumber: value } })).count,
    },
    'number_entries.sealed': {
      page: async (from, take) =>
        (await db.numberEntry.findMany({ where: { personId: after(from) }, select: { personId: true, sealed: true }, orderBy: { personId: 'asc' }, take })).map(
          (row) => ({ id: row.personId, value: row.sealed }),
        ),
      replace: async (id, old, value) => (await db.numberEntry.updateMany({ where: { personId: id, sealed: { equals: old } }, data: { sealed: value } })).count,
    },
    'documents.number_read': {
      page: async (from, take) =>
        (
          await db.document.findMany({
            where: { id: after(from), numberRead: { not: null } },
            select: { id: true, numberRead: true },
            orderBy: { id: 'asc' },
            take,
          })
        ).map((row) => ({ id: row.id, value: row.numberRead! })),
      replace: async (id, old, value) => (await db.document.updateMany({ where: { id, numberRead: { equals: old } }, data: { numberRead: value } })).count,
    },
    'operators.totp_secret': {
      page: async (from, take) =>
        (
          await db.operator.findMany({
            where: { id: after(from), totpSecret: { not: null } },
            select: { id: true, totpSecret: true },
            orderBy: { id: 'asc' },
            take,
          })
        ).map((row) => ({ id: row.id, value: row.totpSecret! })),
      replace: async (id, old, value) => (await db.operator.updateMany({ where: { id, totpSecret: { equals: old } }, data: { totpSecret: value } })).count,
    },
  }
}

const reason = (error: unknown) => (error instanceof Error ? error.message : String(error))

export async function rotateKeys(db: Db, blobs: BlobStore, keyring: Keyring, options: { dryRun?: boolean; pageSize?: number } = {}): Promise<RotationReport> {
  const take = options.pageSize ?? 500
  const report: RotationReport = { activeKeyId: keyring.activeKeyId, sources: {}, failures: [] }
  const count = (source: string) => (report.sources[source] ??= { rewrapped: 0, current: 0, failed: 0 })

  /** Re-wraps one envelope; null when already current. A failure is counted, not thrown. */
  const rewrapped = (source: string, id: string, sealed: Buffer): Buffer | null | 'failed' => {
    try {
      const result = rewrapBlob(keyring, sealed)
      if (result === null) count(source).current += 1
      return result
    } catch (error) {
      count(source).failed += 1
      report.failures.push(`${source} ${id}: ${reason(error)}`)
      return 'failed'
    }
  }

  // Document blobs, found through their rows (never by listing the store).
  const documentExists = async (id: string) => (await db.document.findUnique({ where: { id }, select: { id: true } })) !== null
  count('blobs')
  for (let from: string | null = null; ;) {
    const page: { id: string; blobKey: string }[] = await db.document.findMany({
      where: { id: after(from) },
      select: { id: true, blobKey: true },
      orderBy: { id: 'asc' },
      take,
    })
    for (const document of page) {
      let sealed: Buffer
      try {
        sealed = await blobs.get(document.blobKey)
      } catch (error) {
        // Disposed of (or purged) since the page was read: nothing left to protect.
        if (!(await documentExists(document.id))) continue
        // Its document still names it (blobs restored from an older backup…): the operator must hear of it, the others go on.
        if (error instanceof BlobNotFoundError) {
          count('blobs').failed += 1
          report.failures.push(`blobs ${document.id}: ${reason(error)}, its document remains`)
          continue
        }
        throw error
      }
      const result = rewrapped('blobs', document.id, sealed)
      if (result === null || result === 'failed') continue
      if (!options.dryRun) {
        await blobs.put(document.blobKey, result)
        // Deleted while we rewrote it: do not leave the rewritten copy behind.
        if (!(await documentExists(document.id))) await blobs.delete(document.blobKey)
      }
      count('blobs').rewrapped += 1
    }
    if (page.length < take) break
    from = page.at(-1)!.id
  }

  for (const [source, column] of Object.entries(sealedColumns(db))) {
    count(source)
    for (let from: string | null = null; ;) {
      const page = await column.page(from, take)
      for (const row of page) {
        const result = rewrapped(source, row.id, Buffer.from(row.value))
        if (result === null || result === 'failed') continue
        // 0 rows: the app replaced the value meanwhile, with the active key.
        if (!options.dryRun && (await column.replace(row.id, row.value, new Uint8Array(result))) === 0) {
          count(source).current += 1
          continue
        }
        count(source).rewrapped += 1
      }
      if (page.length < take) break
      from = page.at(-1)!.id
    }
  }
  return report
}
