/**
 * 廃棄: destroys everything secret a person has, in the caller's transaction, and leaves a
 * tombstone (name, kana, 社員番号, relationship) plus a DisposalRecord (kinds and counts only).
 *
 * Irrecoverable from a database backup alone: a document's wrapped data key and ciphertext
 * live only in its blob (lib/envelope.ts header), never in a row, so deleting the blob
 * destroys them; the envelope-encrypted numbers held in `persons` are set to NULL here.
 * What counts as the person's data is marked once, in personal-data.ts: every field marked
 * `erased` is set to NULL here, the rows of models marked `deleted` are deleted.
 * Blobs are deleted by the caller after commit (`deleteBlobs`): a blob never disappears under
 * a row that a rollback keeps. Deleting the document rows records their blobs in
 * `pending_blobs` in this same transaction (a trigger): a failed delete, or a crash before
 * it, leaves those rows, which the sweeper's orphan collection (domain/pending-blobs.ts)
 * retries after its grace period.
 * @see docs/decisions/011-disposal.md
 */
import type { Tx } from '../../db/types.ts'
import type { Prisma } from '../../generated/prisma/client.ts'
import { erasure } from './personal-data.ts'

/** Secrets held in the person's row, named for the record (the kind, never the value). */
function secretKinds(person: { employeeEnteredNumber: Uint8Array | null; myNumber: Uint8Array | null }): string[] {
  return [...(person.employeeEnteredNumber ? ['employee_entered_number'] : []), ...(person.myNumber ? ['recorded_number'] : [])]
}

export type DisposalTriggerName = 'person' | 'campaign' | 'retention'

export interface DisposalContext {
  trigger: DisposalTriggerName
  reason: string
  /** The administrator; null for the retention job. */
  disposedById: string | null
  at: Date
  /** The retention job: the shortened retention period that caused it, if one did. */
  shorteningId?: string | null
}

export interface DisposedPerson {
  personId: string
  campaignId: string
  companyId: string
  imageCount: number
  shorteningId: string | null
}

const TRIGGER = { person: 'PERSON', campaign: 'CAMPAIGN', retention: 'RETENTION' } as const

/**
 * Disposes of the given persons (those already disposed of are skipped). Returns who was
 * disposed of and the blob keys to delete once the transaction has committed.
 */
export async function disposePersons(
  tx: Tx,
  personIds: readonly string[],
  context: DisposalContext,
): Promise<{ disposed: DisposedPerson[]; blobKeys: string[] }> {
  if (personIds.length === 0) return { disposed: [], blobKeys: [] }
  const ids = [...personIds]
  // The per-employee lock every draft change takes (ownership.lockEmployee): no upload,
  // 登録する or 完了 of these employees can interleave with the disposal.
  await tx.$queryRaw`SELECT id FROM persons WHERE id IN (
    SELECT COALESCE(employee_id, id) FROM persons WHERE id = ANY(${ids}::uuid[])) ORDER BY id FOR UPDATE`
  const persons = await tx.person.findMany({
    where: { id: { in: ids }, disposedAt: null },
    select: { id: true, campaignId: true, employeeEnteredNumber: true, myNumber: true, campaign: { select: { companyId: true } } },
  })
  if (persons.length === 0) return { disposed: [], blobKeys: [] }
  const targetIds = persons.map((p) => p.id)

  const documents = await tx.document.findMany({ where: { personId: { in: targetIds } }, select: { personId: true, role: true, type: true, blobKey: true } })
  await tx.document.deleteMany({ where: { personId: { in: targetIds } } })
  // Every field marked `erased` in personal-data.ts (the marking's types keep each a nullable column).
  const person = erasure('Person') as Prisma.PersonUpdateManyMutationInput
  await tx.person.updateMany({ where: { id: { in: targetIds } }, data: { ...person, disposedAt: context.at } })
  await tx.emailMessage.updateMany({ where: { employeeId: { in: targetIds } }, data: erasure('EmailMessage') as Prisma.EmailMessageUpdateManyMutationInput })
  await tx.numberEntry.deleteMany({ where: { personId: { in: targetIds } } })
  // Disposal ends the employee's login: the credential is revoked (sign-in and a hand-off code then
  // answer like an unknown link's; /link says only that, ADR 041), its sessions end and pending hand-offs die.
  await tx.credential.updateMany({ where: { employeeId: { in: targetIds }, revokedAt: null }, data: { revokedAt: context.at } })
  await tx.employeeSession.updateMany({ where: { credential: { employeeId: { in: targetIds } }, revokedAt: null }, data: { revokedAt: context.at } })
  await tx.sessionHandoff.deleteMany({ where: { credential: { employeeId: { in: targetIds } } } })
  // A login waiting in an open batch never goes live for a disposed employee (ADR 039).
  await tx.pendingCredential.deleteMany({ where: { employeeId: { in: targetIds } } })

  const disposed = persons.map((person) => {
    const own = documents.filter((d) => d.personId === person.id)
    const kinds = [...new Set(own.map((d) => `${d.role.toLowerCase()}:${d.type}`))].sort()
    return { person, kinds: [...kinds, ...secretKinds(person)], imageCount: own.length }
  })
  await tx.disposalRecord.createMany({
    data: disposed.map(({ person, kinds, imageCount }) => ({
      companyId: person.campaign.companyId,
      campaignId: person.campaignId,
      personId: person.id,
      disposedAt: context.at,
      disposedById: context.disposedById,
      trigger: TRIGGER[context.trigger],
      reason: context.reason,
      retentionShorteningId: context.shorteningId ?? null,
      documentKinds: kinds,
      imageCount,
    })),
  })
  return {
    disposed: disposed.map(({ person, imageCount }) => ({
      personId: person.id,
      campaignId: person.campaignId,
      companyId: person.campaign.companyId,
      imageCount,
      shorteningId: context.shorteningId ?? null,
    })),
    blobKeys: documents.map((d) => d.blobKey),
  }
}

/** An employee's whole household: the employee and every dependent. */
export async function householdOf(tx: Tx, employeeIds: readonly string[]): Promise<string[]> {
  const rows = await tx.person.findMany({ where: { OR: [{ id: { in: [...employeeIds] } }, { employeeId: { in: [...employeeIds] } }] }, select: { id: true } })
  return rows.map((r) => r.id)
}
