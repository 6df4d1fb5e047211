/**
 * 「完了」: the whole draft becomes a submission in one transaction, or nothing changes.
 * Idempotent: a retry (or a second tap) returns the submission already made.
 */
import { type Registration, missingImages } from '@bango/shared/documents'
import { canSubmit } from '@bango/shared/persons'
import type { Db } from '../db/types.ts'
import { AppError } from '../errors.ts'
import { type AuditLog, byEmployee } from './audit.ts'
import type { EmployeeIdentity } from './credentials.ts'
import { toImageSlot, toPersonDto } from './mappers.ts'
import { lockEmployee } from './ownership.ts'
import { advanceProgress } from './progress.ts'

export function createSubmissions(db: Db, audit: AuditLog) {
  return {
    async submit(identity: EmployeeIdentity): Promise<{ submittedAt: string }> {
      const submission = await db.$transaction(async (tx) => {
        await lockEmployee(tx, identity)
        const existing = await tx.submission.findUnique({ where: { employeeId: identity.employeeId } })
        if (existing) return existing

        const campaign = await tx.campaign.findUniqueOrThrow({ where: { id: identity.campaignId }, select: { status: true } })
        if (campaign.status !== 'OPEN') throw new AppError('CAMPAIGN_CLOSED')
        const persons = await tx.person.findMany({
          where: { OR: [{ id: identity.employeeId }, { employeeId: identity.employeeId }] },
          include: { documents: { where: { state: 'DRAFT' } } },
        })
        if (!canSubmit(persons.map(toPersonDto))) throw new AppError('NOT_READY_TO_SUBMIT')
        const registered = persons.filter((person) => person.status === 'REGISTERED')
        for (const person of registered) {
          if (missingImages(person.registration as unknown as Registration, person.documents.map(toImageSlot)).length > 0) throw new AppError('NOT_READY_TO_SUBMIT')
        }

        const submission = await tx.submission.create({ data: { employeeId: identity.employeeId } })
        const { count } = await tx.document.updateMany({
          where: { personId: { in: registered.map((person) => person.id) }, state: 'DRAFT' },
          data: { state: 'SUBMITTED', submissionId: submission.id },
        })
        await audit.record({
          ...byEmployee(identity),
          action: 'employee.submitted', targetId: submission.id,
          detail: { persons: registered.length, notApplicable: persons.length - registered.length, images: count },
        }, tx)
        await advanceProgress(tx, identity.employeeId, 'SUBMITTED')
        return submission
      })
      return { submittedAt: submission.submittedAt.toISOString() }
    },
  }
}
export type Submissions = ReturnType<typeof createSubmissions>
