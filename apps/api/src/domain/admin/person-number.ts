/**
 * HR's record of a person's 12-digit number: double entry, masked state,
 * audited reveal. The first entry is held encrypted (`number_entries`) and never leaves the
 * server; the second — by another operator, or by the same one in a later request marked
 * `confirm` — must equal it, or both are discarded. Where the company accepts it (ADR 043), a
 * number two independent sources agree on — the read at upload and the employee's own entry,
 * or reads of two different photos — is recorded on one operator's confirmation instead. The
 * number is never in an audit detail, an error or a log line: events carry ids and counts only.
 */
import { maskMyNumber } from '@bango/shared/my-number'
import type { NumberStateResponse } from '@bango/shared/admin-number'
import type { Db, Tx } from '../../db/types.ts'
import { AppError } from '../../errors.ts'
import type { Person } from '../../generated/prisma/client.ts'
import type { Keyring } from '../../lib/keys.ts'
import { type AuditLog, byOperator } from '../audit.ts'
import { openEmployeeNumber } from '../employee-number.ts'
import { documentCarriesNumber, toImageSlot } from '../mappers.ts'
import type { NumberReads } from '../number-reads.ts'
import type { PersonScope } from './access.ts'
import type { NumberSealing } from './number-sealing.ts'

type Agreement = { number: string; sources: 'read_and_employee' | 'two_reads' }

/** HR records numbers from submitted (完了) documents only: before that nothing is HR's to read. */
export async function requireSubmitted(tx: Tx, employeeId: string) {
  const submission = await tx.submission.findUnique({ where: { employeeId }, select: { id: true } })
  if (!submission) throw new AppError('CONFLICT', { details: { reason: 'not_submitted' } })
}

/** A disposed person (廃棄) is a tombstone: nothing may be read or recorded for them again. */
export async function requireNotDisposed(tx: Tx, personId: string) {
  const row = await tx.person.findUniqueOrThrow({ where: { id: personId }, select: { disposedAt: true } })
  if (row.disposedAt) throw new AppError('PERSON_DISPOSED')
}

/** Every entry point takes the person as access.forPerson() resolved it: the employee or a dependent of theirs. */
export function createPersonNumbers(db: Db, sealing: NumberSealing, keyring: Keyring, audit: AuditLog, now: () => Date, numberReads: NumberReads) {
  /**
   * One number that two independent sources agree on, or null: the only number read at upload
   * and the employee's own entry; or, when the employee typed none, reads of two different photos.
   * Two reads of the same pixels are one source; an employee entry that differs from the reads is a conflict.
   */
  async function agreement(tx: Tx, row: Person): Promise<Agreement | null> {
    const read = await numberReads.submitted(tx, row.id)
    if (read.numbers.length !== 1) return null
    const number = read.numbers[0]!
    const employeeEntered = row.employeeEnteredNumber ? openEmployeeNumber(keyring, row.id, row.employeeEnteredNumber) : null
    if (employeeEntered === number) return { number, sources: 'read_and_employee' }
    if (employeeEntered === null && read.images >= 2) return { number, sources: 'two_reads' }
    return null
  }

  const acceptsAgreement = async (tx: Tx, companyId: string) =>
    (await tx.companySettings.findUnique({ where: { companyId }, select: { acceptNumberAgreement: true } }))?.acceptNumberAgreement ?? false

  /** Seals the number as HR's record, with how it was obtained; answers what the audit event needs. */
  async function record(tx: Tx, scope: PersonScope, number: string, method: 'DOUBLE_ENTRY' | 'AGREEMENT') {
    const { personId } = scope
    const before = await tx.person.findUniqueOrThrow({ where: { id: personId }, select: { myNumber: true } })
    await tx.person.update({
      where: { id: personId },
      data: {
        myNumber: sealing.seal('hr', personId, number),
        myNumberHash: sealing.hash(number),
        myNumberRecordedAt: now(),
        myNumberRecordedById: scope.operator.operatorId,
        myNumberMethod: method,
      },
    })
    const recorded = await state(scope, tx)
    return { replaced: before.myNumber !== null, duplicates: recorded.duplicateOf.length, employeeEntry: recorded.employeeEntry }
  }

  async function state(scope: PersonScope, tx: Tx = db): Promise<NumberStateResponse> {
    const { personId } = scope
    const row = await tx.person.findUniqueOrThrow({ where: { id: personId }, include: { numberEntry: { select: { operatorId: true } } } })
    const recorded = row.myNumber ? sealing.open('hr', row.id, row.myNumber) : null
    const duplicates = row.myNumberHash
      ? await tx.person.findMany({
          where: { myNumberHash: row.myNumberHash, id: { not: row.id }, campaign: { companyId: scope.companyId } },
          select: {
            id: true,
            campaignId: true,
            employeeId: true,
            name: true,
            employeeNumber: true,
            employee: { select: { employeeNumber: true } },
            campaign: { select: { name: true } },
          },
          orderBy: { id: 'asc' },
        })
      : []
    const employeeEntered = row.employeeEnteredNumber ? openEmployeeNumber(keyring, row.id, row.employeeEnteredNumber) : null
    return {
      state: row.numberEntry ? 'pending_confirmation' : recorded ? 'recorded' : 'none',
      masked: recorded ? maskMyNumber(recorded) : null,
      pendingByMe: row.numberEntry?.operatorId === scope.operator.operatorId,
      duplicateOf: duplicates.map((d) => ({
        personId: d.id,
        campaignId: d.campaignId,
        employeeId: d.employeeId ?? d.id,
        name: d.name,
        employeeNumber: d.employee?.employeeNumber ?? d.employeeNumber,
        campaignName: d.campaign.name,
      })),
      employeeEntry: !employeeEntered || !recorded ? 'none' : employeeEntered === recorded ? 'matches' : 'differs',
      recordedAt: row.myNumberRecordedAt?.toISOString() ?? null,
      method: row.myNumberMethod === 'AGREEMENT' ? 'agreement' : row.myNumberMethod === 'DOUBLE_ENTRY' ? 'double_entry' : null,
      agreement: (await agreement(tx, row))?.sources ?? null,
      acceptsAgreement: await acceptsAgreement(tx, scope.companyId),
      images: await numberImages(tx, personId),
    }
  }

  async function numberImages(tx: Tx, personId: string): Promise<NumberStateResponse['images']> {
    const documents = await tx.document.findMany({
      where: { personId, role: 'NUMBER', state: 'SUBMITTED' },
      select: { id: true, role: true, slot: true, side: true, type: true },
      orderBy: [{ side: 'asc' }, { createdAt: 'asc' }],
    })
    const images = documents.map((document) => ({
      documentId: document.id,
      type: document.type,
      side: toImageSlot(document).side,
      carriesNumber: documentCarriesNumber(document),
    }))
    return [...images.filter((image) => image.carriesNumber), ...images.filter((image) => !image.carriesNumber)]
  }

  return {
    state: (scope: PersonScope) => state(scope),

    /** One entry of the double entry; answers the new state, or NUMBER_MISMATCH (both entries discarded). */
    async enter(scope: PersonScope, entry: { number: string; confirm: boolean }): Promise<NumberStateResponse> {
      const { operator, companyId, employeeId, personId } = scope
      const outcome = await db.$transaction(async (tx) => {
        await requireSubmitted(tx, employeeId)
        // Two operators confirming at once queue on the person's row: one entry completes, the other starts anew.
        await tx.$queryRaw`SELECT id FROM persons WHERE id = ${personId}::uuid FOR UPDATE`
        await requireNotDisposed(tx, personId)
        const pending = await tx.numberEntry.findUnique({ where: { personId } })
        const isSecond = pending !== null && (pending.operatorId !== operator.operatorId || entry.confirm)
        const event = { ...byOperator(operator, companyId), targetId: personId }
        if (!isSecond) {
          // The same operator without `confirm` re-types the first entry: it replaces the held one.
          if (entry.confirm) throw new AppError('CONFLICT', { details: { reason: 'no_first_entry' } })
          const sealed = sealing.seal('entry', personId, entry.number)
          await tx.numberEntry.upsert({
            where: { personId },
            create: { personId, operatorId: operator.operatorId, sealed },
            update: { operatorId: operator.operatorId, sealed, createdAt: now() },
          })
          await audit.record({ ...event, action: 'number.entry_held', detail: { employeeId } }, tx)
          return 'held' as const
        }
        await tx.numberEntry.delete({ where: { personId } })
        const sameOperator = pending.operatorId === operator.operatorId
        if (sealing.open('entry', personId, pending.sealed) !== entry.number) {
          await audit.record({ ...event, action: 'number.entry_mismatch', detail: { employeeId, sameOperator } }, tx)
          return 'mismatch' as const
        }
        const recorded = await record(tx, scope, entry.number, 'DOUBLE_ENTRY')
        await audit.record(
          { ...event, action: 'number.recorded', detail: { employeeId, method: 'double_entry', firstEntryBy: pending.operatorId, sameOperator, ...recorded } },
          tx,
        )
        return 'recorded' as const
      })
      // Thrown after the commit: the discarded first entry stays discarded.
      if (outcome === 'mismatch') throw new AppError('NUMBER_MISMATCH')
      return state(scope)
    },

    /**
     * 「一致を確認して記録する」: records the agreed number on this one confirmation, where the
     * company accepts it; `number` is what the operator saw beside the image and must be the
     * agreed one (CONFLICT otherwise: the sources changed, or there is no agreement).
     */
    async confirmAgreement(scope: PersonScope, number: string): Promise<NumberStateResponse> {
      const { operator, companyId, employeeId, personId } = scope
      await db.$transaction(async (tx) => {
        await requireSubmitted(tx, employeeId)
        await tx.$queryRaw`SELECT id FROM persons WHERE id = ${personId}::uuid FOR UPDATE`
        await requireNotDisposed(tx, personId)
        if (!(await acceptsAgreement(tx, companyId))) throw new AppError('CONFLICT', { details: { reason: 'double_entry_required' } })
        const agreed = await agreement(tx, await tx.person.findUniqueOrThrow({ where: { id: personId } }))
        if (!agreed || agreed.number !== number) throw new AppError('CONFLICT', { details: { reason: 'no_agreement' } })
        // A first entry someone held is superseded by the recorded number.
        await tx.numberEntry.deleteMany({ where: { personId } })
        const recorded = await record(tx, scope, number, 'AGREEMENT')
        await audit.record(
          {
            ...byOperator(operator, companyId),
            action: 'number.recorded',
            targetId: personId,
            detail: { employeeId, method: 'agreement', sources: agreed.sources, ...recorded },
          },
          tx,
        )
      })
      return state(scope)
    },

    /** The full number, once per request, on the record. CONFLICT when none is recorded. */
    async reveal(scope: PersonScope): Promise<string> {
      const { personId } = scope
      return db.$transaction(async (tx) => {
        const row = await tx.person.findUniqueOrThrow({ where: { id: personId }, select: { myNumber: true } })
        if (!row.myNumber) throw new AppError('CONFLICT', { details: { reason: 'no_number' } })
        await audit.record(
          { ...byOperator(scope.operator, scope.companyId), action: 'number.revealed', targetId: personId, detail: { employeeId: scope.employeeId } },
          tx,
        )
        return sealing.open('hr', personId, row.myNumber)
      })
    },
  }
}
export type PersonNumbers = ReturnType<typeof createPersonNumbers>
