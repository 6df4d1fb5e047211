/**
 * 「完了」: the whole draft becomes a submission in one transaction, or nothing changes.
 * Idempotent: a retry (or a second tap) returns the submission already made.
 * After 差し戻し, 完了 again submits exactly the returned persons: their earlier documents
 * are replaced (rows in the same transaction, blobs after commit), everyone else is untouched.
 * In the same transaction every open session of the credential becomes receipt-only and
 * unused handoff codes are retired: after 完了 only a new sign-in can change anything.
 */
import { type Registration, missingImages } from '@bango/shared/documents'
import type { SubmissionResponse } from '@bango/shared/employee-api'
import { canSubmit } from '@bango/shared/persons'
import { submissionReference } from '@bango/shared/receipt'
import type { Db } from '../db/types.ts'
import { AppError } from '../errors.ts'
import { type AuditLog, byEmployee } from './audit.ts'
import type { EmployeeIdentity } from './credentials.ts'
import type { Drafts } from './drafts.ts'
import type { Handoffs } from './handoffs.ts'
import { toImageSlot, toPersonDto } from './mappers.ts'
import { killPoint } from '../lib/kill-points.ts'
import { lockEmployee } from './ownership.ts'
import { advanceProgress, settleReviewProgress } from './progress.ts'
import type { Sessions } from './sessions.ts'

/** The audit action of a 「完了」 after 差し戻し (the first is `employee.submitted`). */
export const RESUBMITTED = 'employee.resubmitted'

/**
 * When the latest 「完了」 of this submission was. The submission row keeps the first (retention and
 * the console count from it); each later 完了 is recorded only by its `employee.resubmitted` audit
 * event, written in the same transaction as the documents it submitted.
 */
export async function lastSubmittedAt(db: Db, submission: { id: string; submittedAt: Date }): Promise<Date> {
  const latest = await db.auditEvent.findFirst({
    where: { targetId: submission.id, action: RESUBMITTED },
    orderBy: [{ at: 'desc' }, { id: 'desc' }],
    select: { at: true },
  })
  return latest?.at ?? submission.submittedAt
}

export function createSubmissions(db: Db, drafts: Drafts, audit: AuditLog, sessions: Sessions, handoffs: Handoffs) {
  return {
    async submit(identity: EmployeeIdentity): Promise<SubmissionResponse> {
      killPoint('submit.before-transaction')
      const { submission, blobKeys } = await db.$transaction(async (tx) => {
        await lockEmployee(tx, identity)
        const existing = await tx.submission.findUnique({ where: { employeeId: identity.employeeId } })
        const persons = await tx.person.findMany({
          where: { OR: [{ id: identity.employeeId }, { employeeId: identity.employeeId }] },
          include: { documents: { where: { state: 'DRAFT' } } },
        })
        const returned = persons.filter((person) => person.reviewStatus === 'RETURNED')
        if (existing && returned.length === 0) return { submission: existing, blobKeys: [] }

        const campaign = await tx.campaign.findUniqueOrThrow({ where: { id: identity.campaignId }, select: { status: true } })
        if (campaign.status !== 'OPEN') throw new AppError('CAMPAIGN_CLOSED')
        if (!canSubmit(persons.map(toPersonDto))) throw new AppError('NOT_READY_TO_SUBMIT')
        // The persons this 完了 submits: everyone the first time, the returned ones after 差し戻し.
        const targets = existing ? returned : persons
        const registered = targets.filter((person) => person.status === 'REGISTERED')
        for (const person of registered) {
          if (missingImages(person.registration as unknown as Registration, person.documents.map(toImageSlot)).length > 0)
            throw new AppError('NOT_READY_TO_SUBMIT')
        }

        const submission = existing ?? (await tx.submission.create({ data: { employeeId: identity.employeeId } }))
        if (!existing) killPoint('submit.submission-created')
        const replaced = existing
          ? await tx.$queryRaw<{ blob_key: string }[]>`
              DELETE FROM documents WHERE state = 'SUBMITTED' AND person_id = ANY(${returned.map((person) => person.id)}::uuid[]) RETURNING blob_key`
          : []
        if (existing) killPoint('submit.replaced-rows-deleted')
        const { count } = await tx.document.updateMany({
          where: { personId: { in: registered.map((person) => person.id) }, state: 'DRAFT' },
          data: { state: 'SUBMITTED', submissionId: submission.id },
        })
        killPoint('submit.documents-submitted')
        await audit.record(
          {
            ...byEmployee(identity),
            action: existing ? RESUBMITTED : 'employee.submitted',
            targetId: submission.id,
            detail: {
              persons: registered.length,
              notApplicable: targets.length - registered.length,
              images: count,
              ...(existing ? { replacedImages: replaced.length } : {}),
            },
          },
          tx,
        )
        killPoint('submit.audited')
        if (existing) {
          await tx.person.updateMany({
            where: { id: { in: returned.map((person) => person.id) } },
            data: { reviewStatus: 'PENDING', returnReason: null, returnNote: null, reviewedAt: null, reviewedById: null },
          })
          await settleReviewProgress(tx, identity.employeeId)
        } else {
          await advanceProgress(tx, identity.employeeId, 'SUBMITTED')
        }
        killPoint('submit.progress-updated')
        await sessions.restrictToReceipt(identity.credentialId, tx)
        await handoffs.retireAll(identity.credentialId, tx)
        return { submission, blobKeys: replaced.map((row) => row.blob_key) }
      })
      killPoint('submit.committed')
      await drafts.deleteBlobs(blobKeys)
      killPoint('submit.cleaned-up')
      return {
        submittedAt: submission.submittedAt.toISOString(),
        lastSubmittedAt: (await lastSubmittedAt(db, submission)).toISOString(),
        reference: submissionReference(submission.id),
      }
    },
  }
}
export type Submissions = ReturnType<typeof createSubmissions>
