/**
 * The one place that decides whether an employee's session may touch a person, and whether
 * their draft can still change. Every employee route goes through here (no IDOR).
 */
import type { Tx } from '../db/types.ts'
import { AppError } from '../errors.ts'
import type { EmployeeIdentity } from './credentials.ts'

/** The employee themself or one of their dependents; anything else is "not found". */
export async function findOwnPerson(tx: Tx, identity: EmployeeIdentity, personId: string) {
  const person = await tx.person.findFirst({
    where: { id: personId, OR: [{ id: identity.employeeId }, { employeeId: identity.employeeId }] },
  })
  if (!person) throw new AppError('NOT_FOUND')
  return person
}

/**
 * Serialises every change to one employee's draft (uploads, 登録する, 対象外, 完了) on the
 * employee's row, so that no two of them interleave. Held until the transaction ends.
 */
export async function lockEmployee(tx: Tx, identity: EmployeeIdentity): Promise<void> {
  await tx.$queryRaw`SELECT id FROM persons WHERE id = ${identity.employeeId}::uuid FOR UPDATE`
}

/**
 * Refuses changes once 完了 was pressed or the campaign closed; in a transaction, also takes
 * the employee lock. After 完了 only a person HR sent back (差し戻し, review RETURNED) is open
 * again — `personId` names the person the change touches (none: a change to the list itself,
 * like 扶養追加, which stays closed).
 */
export async function assertDraftOpen(tx: Tx, identity: EmployeeIdentity, personId?: string): Promise<void> {
  await lockEmployee(tx, identity)
  const [submission, campaign] = await Promise.all([
    tx.submission.findUnique({ where: { employeeId: identity.employeeId }, select: { id: true } }),
    tx.campaign.findUniqueOrThrow({ where: { id: identity.campaignId }, select: { status: true } }),
  ])
  if (submission) {
    const reopened =
      personId === undefined
        ? null
        : await tx.person.findFirst({
            where: { id: personId, reviewStatus: 'RETURNED', OR: [{ id: identity.employeeId }, { employeeId: identity.employeeId }] },
            select: { id: true },
          })
    if (!reopened) throw new AppError('ALREADY_SUBMITTED')
  }
  if (campaign.status !== 'OPEN') throw new AppError('CAMPAIGN_CLOSED')
}

/**
 * The employee's own person whose draft may still change: not registered (its images are
 * HR's from then on, never shown back), not 対象外, not after 完了 (unless sent back).
 */
export async function openDraftPerson(tx: Tx, identity: EmployeeIdentity, personId: string) {
  await assertDraftOpen(tx, identity, personId)
  const person = await findOwnPerson(tx, identity, personId)
  if (person.status === 'REGISTERED') throw new AppError('PERSON_REGISTERED')
  if (person.status === 'NOT_APPLICABLE') throw new AppError('PERSON_NOT_APPLICABLE')
  return person
}
