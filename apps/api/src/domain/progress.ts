/**
 * An employee's progress for HR's dashboard (未発行 → 未ログイン → ログイン済 → 同意済 → 登録中 → 完了).
 * Before HR's review it only ever moves forward: a re-issued credential, a purged draft or a dependent set
 * applicable again never take an employee back. Called inside the transaction of the event.
 */
import type { Tx } from '../db/types.ts'
import type { EmployeeProgress } from '../generated/prisma/client.ts'

/**
 * After a review decision or a re-完了, the employee's progress follows the persons' review
 * states — 差し戻し while anyone is sent back, 承認済 once every applicable person is approved,
 * 完了 otherwise. Set, not advanced: a review moves it both ways after 完了.
 */
export async function settleReviewProgress(tx: Tx, employeeId: string): Promise<EmployeeProgress> {
  const persons = await tx.person.findMany({ where: { OR: [{ id: employeeId }, { employeeId }] }, select: { status: true, reviewStatus: true } })
  const progress: EmployeeProgress = persons.some((person) => person.reviewStatus === 'RETURNED')
    ? 'RETURNED'
    : persons.every((person) => person.status === 'NOT_APPLICABLE' || person.reviewStatus === 'APPROVED')
      ? 'APPROVED'
      : 'SUBMITTED'
  await tx.person.update({ where: { id: employeeId }, data: { progress } })
  return progress
}

/** Raises the employee's progress to `to` unless it is already there or beyond (enums compare in declaration order). */
export async function advanceProgress(tx: Tx, employeeId: string, to: EmployeeProgress): Promise<void> {
  await tx.$executeRaw`
    UPDATE persons SET progress = ${to}::"EmployeeProgress"
    WHERE id = ${employeeId}::uuid AND kind = 'EMPLOYEE' AND progress < ${to}::"EmployeeProgress"`
}
