/**
 * The collection target list (収集対象者一覧): the employee and their dependents, adding a
 * dependent (扶養追加), not applicable (対象外) and back, and 「登録する」.
 */
import { type Registration, documentTypeOf, missingImages, registrationProblems } from '@bango/shared/documents'
import { type AddDependentRequest, EMPLOYEE_LIMITS } from '@bango/shared/employee-api'
import type { FieldErrorCode, ValidationDetail } from '@bango/shared/field-errors'
import { canSubmit } from '@bango/shared/persons'
import { relationshipLabel } from '@bango/shared/relationships'
import type { Db } from '../db/types.ts'
import { AppError } from '../errors.ts'
import { Prisma, type Person as PersonRow, type PersonStatus } from '../generated/prisma/client.ts'
import type { Keyring } from '../lib/keys.ts'
import { type AuditLog, byEmployee } from './audit.ts'
import type { EmployeeIdentity } from './credentials.ts'
import type { Drafts } from './drafts.ts'
import { sealEmployeeNumber } from './employee-number.ts'
import { toImageSlot, toPersonDto } from './mappers.ts'
import { assertDraftOpen, findOwnPerson } from './ownership.ts'
import { advanceProgress } from './progress.ts'

/** A refusal that names the field, never its value (the shape `parse` gives). */
const numberRefused = (code: FieldErrorCode, message: string) =>
  new AppError('VALIDATION', { details: [{ path: 'myNumber', code, message } satisfies ValidationDetail] })

export function createPersons(db: Db, drafts: Drafts, keyring: Keyring, audit: AuditLog) {
  /**
   * Moves one of the employee's people to a new status from a clean slate: their drafts and
   * choices are discarded (blobs after commit). `transition` returns null when nothing changes.
   */
  async function restart(identity: EmployeeIdentity, personId: string, transition: (current: PersonRow) => { status: PersonStatus; action: string } | null) {
    const { person, blobKeys } = await db.$transaction(async (tx) => {
      await assertDraftOpen(tx, identity, personId)
      const current = await findOwnPerson(tx, identity, personId)
      const change = transition(current)
      if (!change) return { person: current, blobKeys: [] }
      const blobKeys = await drafts.discard(tx, { personIds: [current.id] })
      const person = await tx.person.update({
        where: { id: current.id },
        data: { status: change.status, registration: Prisma.DbNull, registeredAt: null, employeeEnteredNumber: null },
      })
      await audit.record({ ...byEmployee(identity), action: change.action, targetId: person.id }, tx)
      // 対象外 counts as work on the draft (the other changes here follow one that already did).
      await advanceProgress(tx, identity.employeeId, 'IN_PROGRESS')
      return { person, blobKeys }
    })
    await drafts.deleteBlobs(blobKeys)
    return toPersonDto(person)
  }

  return {
    async list(identity: EmployeeIdentity) {
      const household = { OR: [{ id: identity.employeeId }, { employeeId: identity.employeeId }] }
      const [persons, submission, drafting] = await Promise.all([
        db.person.findMany({ where: household, orderBy: [{ kind: 'asc' }, { createdAt: 'asc' }] }),
        db.submission.findUnique({ where: { employeeId: identity.employeeId } }),
        // 入力途中: a person not registered yet with images in their draft.
        db.document.findMany({
          where: { state: 'DRAFT', person: { ...household, status: 'PENDING' } },
          select: { personId: true },
          distinct: ['personId'],
        }),
      ])
      const dtos = persons.map(toPersonDto)
      // 差し戻し reopens the list for the returned persons: 完了 again once they are redone.
      const reopened = submission !== null && persons.some((person) => person.reviewStatus === 'RETURNED')
      return {
        persons: dtos,
        canSubmit: (!submission || reopened) && canSubmit(dtos),
        submittedAt: submission?.submittedAt.toISOString() ?? null,
        reopened,
        inProgress: persons.filter((person) => drafting.some((draft) => draft.personId === person.id)).map((person) => person.id),
      }
    },

    async addDependent(identity: EmployeeIdentity, input: AddDependentRequest) {
      const person = await db.$transaction(async (tx) => {
        await assertDraftOpen(tx, identity)
        // Counted under the employee's row lock (assertDraftOpen): parallel adds cannot pass the cap together.
        const dependents = await tx.person.count({ where: { employeeId: identity.employeeId } })
        if (dependents >= EMPLOYEE_LIMITS.maxDependents) throw new AppError('TOO_MANY_DEPENDENTS')
        const person = await tx.person.create({
          data: {
            ...input,
            // Stored as the label (the list's own, mapping back to the code), as HR's import stores text.
            relationship: relationshipLabel(input.relationship),
            birthDate: new Date(`${input.birthDate}T00:00:00Z`),
            kind: 'DEPENDENT',
            campaignId: identity.campaignId,
            employeeId: identity.employeeId,
            addedByEmployee: true,
          },
        })
        await audit.record({ ...byEmployee(identity), action: 'person.dependent_added', targetId: person.id }, tx)
        return person
      })
      return toPersonDto(person)
    },

    /** Not applicable discards the person's drafts; applicable again starts them over at 未登録. */
    setApplicability: (identity: EmployeeIdentity, personId: string, applicable: boolean) =>
      restart(identity, personId, (current) => {
        if (current.kind === 'EMPLOYEE') throw new AppError('VALIDATION', { message: 'the employee cannot be marked not applicable' })
        if (applicable === (current.status !== 'NOT_APPLICABLE')) return null
        return applicable ? { status: 'PENDING', action: 'person.applicable' } : { status: 'NOT_APPLICABLE', action: 'person.not_applicable' }
      }),

    /**
     * 「登録する」: the choices must follow the rules and every image they need must be there;
     * `myNumber` (normalised and checked by the shared schema) is required exactly when the
     * campaign asks the employee for it — sent otherwise, it is refused rather than dropped.
     */
    async register(identity: EmployeeIdentity, personId: string, registration: Registration, myNumber: string | null) {
      const { person, blobKeys } = await db.$transaction(async (tx) => {
        await assertDraftOpen(tx, identity, personId)
        const current = await findOwnPerson(tx, identity, personId)
        if (current.status === 'REGISTERED') throw new AppError('PERSON_REGISTERED')
        if (current.status === 'NOT_APPLICABLE') throw new AppError('PERSON_NOT_APPLICABLE')
        const { employeeEntersNumber, identityByEmployment } = await tx.campaign.findUniqueOrThrow({
          where: { id: identity.campaignId },
          select: { employeeEntersNumber: true, identityByEmployment: true },
        })
        if (employeeEntersNumber && myNumber === null) throw numberRefused('required', 'required by this campaign')
        if (!employeeEntersNumber && myNumber !== null) throw numberRefused('invalid', 'not asked by this campaign')
        const problems = registrationProblems(current.kind === 'EMPLOYEE' ? 'employee' : 'dependent', registration, { identityByEmployment })
        if (problems.length > 0) throw new AppError('REGISTRATION_INVALID', { details: { problems } })

        const images = await tx.document.findMany({ where: { personId: current.id, state: 'DRAFT' } })
        const matching = images.filter((image) => documentTypeOf(registration, toImageSlot(image)) === image.type)
        const missing = missingImages(registration, matching.map(toImageSlot))
        if (missing.length > 0) throw new AppError('REGISTRATION_INVALID', { details: { missing } })

        // Images captured and then abandoned (a back later declared absent, another type chosen) are not kept.
        const blobKeys = await drafts.discard(tx, { personIds: [current.id], except: matching.map((image) => image.id) })
        const person = await tx.person.update({
          where: { id: current.id },
          data: {
            status: 'REGISTERED',
            registration: registration as unknown as Prisma.InputJsonValue,
            registeredAt: new Date(),
            employeeEnteredNumber: myNumber === null ? null : sealEmployeeNumber(keyring, current.id, myNumber),
          },
        })
        await audit.record(
          { ...byEmployee(identity), action: 'person.registered', targetId: person.id, detail: { images: matching.length, numberEntered: myNumber !== null } },
          tx,
        )
        await advanceProgress(tx, identity.employeeId, 'IN_PROGRESS')
        return { person, blobKeys }
      })
      await drafts.deleteBlobs(blobKeys)
      return toPersonDto(person)
    },

    /** Starts a registered person over (the employee noticed a mistake): drafts are discarded. */
    unregister: (identity: EmployeeIdentity, personId: string) =>
      restart(identity, personId, (current) => (current.status === 'REGISTERED' ? { status: 'PENDING', action: 'person.unregistered' } : null)),
  }
}
export type Persons = ReturnType<typeof createPersons>
