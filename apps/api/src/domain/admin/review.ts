/**
 * HR's review of a 完了 submission: each person with their choices, their SUBMITTED images
 * (ids and shapes only; the pixels come from document-viewer.ts) and their review state;
 * 承認 and 差し戻し per person or the whole household at once; and the queue of households with
 * work left, which HR walks from one to the next. 差し戻し reopens exactly that person for the employee
 * (ownership.assertDraftOpen) until the next 完了 replaces their documents (submissions.ts).
 */
import type { HouseholdApproval, ReturnDecision, ReviewQueue, SubmissionReviewResponse } from '@bango/shared/admin-review'
import { registrationSchema } from '@bango/shared/employee-api'
import type { PersonReview } from '@bango/shared/review'
import type { Db, Tx } from '../../db/types.ts'
import { AppError } from '../../errors.ts'
import { Prisma, type Person } from '../../generated/prisma/client.ts'
import { type AuditLog, byOperator } from '../audit.ts'
import { toImageSlot, toPersonDto, toReviewDto } from '../mappers.ts'
import { settleReviewProgress } from '../progress.ts'
import type { CampaignScope, EmployeeScope } from './access.ts'

const ownPersons = (employeeId: string) => ({ OR: [{ id: employeeId }, { employeeId }] })

export function createReview(db: Db, audit: AuditLog, now: () => Date) {
  /**
   * The person, of this employee's submission, under the employee's lock (the same lock as
   * every employee change: a decision never interleaves with an upload or a 完了).
   */
  async function submittedPerson(tx: Tx, employeeId: string, personId: string): Promise<Person> {
    await tx.$queryRaw`SELECT id FROM persons WHERE id = ${employeeId}::uuid FOR UPDATE`
    const submission = await tx.submission.findUnique({ where: { employeeId }, select: { id: true } })
    const person = submission ? await tx.person.findFirst({ where: { id: personId, ...ownPersons(employeeId) } }) : null
    if (!person) throw new AppError('NOT_FOUND')
    if (person.disposedAt) throw new AppError('PERSON_DISPOSED')
    if (person.reviewStatus === 'RETURNED') throw new AppError('CONFLICT', { message: 'sent back: waiting for the employee to submit again' })
    if (person.status === 'NOT_APPLICABLE') throw new AppError('CONFLICT', { message: 'not applicable: nothing to review' })
    return person
  }

  return {
    /** NOT_FOUND until the employee pressed 完了. */
    async submission({ employee }: EmployeeScope, tx: Tx = db): Promise<SubmissionReviewResponse> {
      const submission = await tx.submission.findUnique({ where: { employeeId: employee.id } })
      if (!submission) throw new AppError('NOT_FOUND')
      const persons = await tx.person.findMany({
        where: ownPersons(employee.id),
        orderBy: [{ kind: 'asc' }, { createdAt: 'asc' }, { id: 'asc' }],
        include: { documents: { where: { state: 'SUBMITTED' }, orderBy: [{ role: 'asc' }, { slot: 'asc' }, { side: 'asc' }] } },
      })
      return {
        employeeId: employee.id,
        submittedAt: submission.submittedAt.toISOString(),
        persons: persons
          .map((person) => {
            const registration = registrationSchema.safeParse(person.registration)
            return {
              ...toPersonDto(person),
              registration: registration.success ? registration.data : null,
              images: person.documents.map((document) => ({
                id: document.id,
                ...toImageSlot(document),
                type: document.type,
                width: document.width,
                height: document.height,
              })),
            }
          })
          .map(({ addedByEmployee: _added, ...person }) => person),
      }
    },

    /** The households of the campaign with persons to approve or numbers to record, oldest 完了 first. */
    async queue({ campaignId }: CampaignScope): Promise<ReviewQueue> {
      const submissions = await db.submission.findMany({
        where: { employee: { campaignId, disposedAt: null } },
        orderBy: [{ submittedAt: 'asc' }, { employeeId: 'asc' }],
        select: { employeeId: true, submittedAt: true, employee: { select: { name: true, employeeNumber: true } } },
      })
      const persons = await db.person.findMany({
        where: { campaignId, disposedAt: null, reviewStatus: { not: 'RETURNED' } },
        select: { id: true, employeeId: true, status: true, reviewStatus: true, myNumberRecordedAt: true },
      })
      const work = new Map<string, { toReview: number; toRecord: number }>()
      for (const person of persons) {
        const household = person.employeeId ?? person.id
        const counts = work.get(household) ?? { toReview: 0, toRecord: 0 }
        if (person.status === 'REGISTERED' && person.reviewStatus === 'PENDING') counts.toReview++
        if (person.status === 'REGISTERED' && person.myNumberRecordedAt === null) counts.toRecord++
        work.set(household, counts)
      }
      return {
        households: submissions.flatMap(({ employeeId, submittedAt, employee }) => {
          const counts = work.get(employeeId)
          return counts && counts.toReview + counts.toRecord > 0
            ? [{ employeeId, name: employee.name, employeeNumber: employee.employeeNumber, submittedAt: submittedAt.toISOString(), ...counts }]
            : []
        }),
      }
    },

    /**
     * 「世帯をまとめて承認」: every registered person of the submission still to review, in one
     * transaction under the employee's lock, one audit event each. Returned and 対象外 persons
     * are left as they are; nothing to approve approves nothing.
     */
    async approveHousehold({ operator, companyId, employeeId }: EmployeeScope): Promise<HouseholdApproval> {
      return db.$transaction(async (tx) => {
        await tx.$queryRaw`SELECT id FROM persons WHERE id = ${employeeId}::uuid FOR UPDATE`
        if (!(await tx.submission.findUnique({ where: { employeeId }, select: { id: true } }))) throw new AppError('NOT_FOUND')
        const pending = await tx.person.findMany({
          where: { ...ownPersons(employeeId), disposedAt: null, status: 'REGISTERED', reviewStatus: 'PENDING' },
          select: { id: true },
        })
        if (pending.length === 0) return { approved: 0 }
        await tx.person.updateMany({
          where: { id: { in: pending.map((person) => person.id) } },
          data: { reviewStatus: 'APPROVED', returnReason: null, returnNote: null, reviewedAt: now(), reviewedById: operator.operatorId },
        })
        for (const person of pending) {
          await audit.record({ ...byOperator(operator, companyId), action: 'person.approved', targetId: person.id, detail: { household: true } }, tx)
        }
        await settleReviewProgress(tx, employeeId)
        return { approved: pending.length }
      })
    },

    /** 承認. Approving an approved person again changes nothing. */
    async approve({ operator, companyId, employeeId }: EmployeeScope, personId: string): Promise<PersonReview> {
      const person = await db.$transaction(async (tx) => {
        const current = await submittedPerson(tx, employeeId, personId)
        if (current.reviewStatus === 'APPROVED') return current
        const person = await tx.person.update({
          where: { id: current.id },
          data: { reviewStatus: 'APPROVED', returnReason: null, returnNote: null, reviewedAt: now(), reviewedById: operator.operatorId },
        })
        await audit.record({ ...byOperator(operator, companyId), action: 'person.approved', targetId: person.id }, tx)
        await settleReviewProgress(tx, employeeId)
        return person
      })
      return toReviewDto(person)
    },

    /**
     * 差し戻し: the person goes back to 未登録 for the employee (choices and typed number
     * cleared, as a fresh start); their submitted images stay, for HR, until the next 完了.
     */
    async returnPerson({ operator, companyId, employeeId }: EmployeeScope, personId: string, request: ReturnDecision): Promise<PersonReview> {
      const person = await db.$transaction(async (tx) => {
        const current = await submittedPerson(tx, employeeId, personId)
        const person = await tx.person.update({
          where: { id: current.id },
          data: {
            reviewStatus: 'RETURNED',
            returnReason: request.reason,
            returnNote: request.note,
            reviewedAt: now(),
            reviewedById: operator.operatorId,
            status: 'PENDING',
            registration: Prisma.DbNull,
            registeredAt: null,
            employeeEnteredNumber: null,
          },
        })
        // The reason code only: HR's note may name things about the person.
        await audit.record({ ...byOperator(operator, companyId), action: 'person.returned', targetId: person.id, detail: { reason: request.reason } }, tx)
        await settleReviewProgress(tx, employeeId)
        return person
      })
      return toReviewDto(person)
    },
  }
}
export type Review = ReturnType<typeof createReview>
