/**
 * An employee's progress for HR's dashboard (未発行 → 未ログイン → ログイン済 → 同意済 → 登録中 → 完了).
 * It only ever moves forward: a re-issued credential, a purged draft or a dependent set
 * applicable again never take an employee back. Called inside the transaction of the event.
 */
import type { Tx } from '../db/types.ts'
import type { EmployeeProgress } from '../generated/prisma/client.ts'

/** Raises the employee's progress to `to` unless it is already there or beyond (enums compare in declaration order). */
export async function advanceProgress(tx: Tx, employeeId: string, to: EmployeeProgress): Promise<void> {
  await tx.$executeRaw`
    UPDATE persons SET progress = ${to}::"EmployeeProgress"
    WHERE id = ${employeeId}::uuid AND kind = 'EMPLOYEE' AND progress < ${to}::"EmployeeProgress"`
}
