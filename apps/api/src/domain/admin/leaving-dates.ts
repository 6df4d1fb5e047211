/**
 * 退職日 HR records per employee (ADR 049): the household's retention then counts from the year
 * after it, when that is later than the year of their 完了. Recording one or moving it later is any
 * role's, moving it earlier or clearing it the administrator's (settings-policy.ts); every change
 * is audited with its old and new value. A change that would end the household's retention within
 * the grace period is refused: nothing is ever destroyed sooner than that after a change.
 */
import { type LeftOnResponse, japanToday, latestLeftOn } from '@bango/shared/admin-leaving-date'
import { RETENTION_SHORTENING_GRACE_DAYS, roleForLeftOnChange } from '@bango/shared/settings-policy'
import type { Db } from '../../db/types.ts'
import { AppError } from '../../errors.ts'
import { type AuditLog, byOperator } from '../audit.ts'
import type { EmployeeScope } from './access.ts'
import { householdRetentionEnd } from './retention-basis.ts'

const GRACE_MS = RETENTION_SHORTENING_GRACE_DAYS * 24 * 3600_000
const isoDate = (date: Date | null) => date?.toISOString().slice(0, 10) ?? null

export function createLeavingDates(db: Db, audit: AuditLog, now: () => Date) {
  return {
    /** Sets (or clears, with null) the employee's 退職日; the same date again changes and records nothing. */
    async record({ operator, role, companyId, employeeId }: EmployeeScope, leftOn: string | null): Promise<LeftOnResponse> {
      return db.$transaction(async (tx) => {
        // The employee's lock, as every change of the household and its disposal take it.
        const [employee] = await tx.$queryRaw<{ left_on: Date | null; disposed_at: Date | null }[]>`
          SELECT left_on, disposed_at FROM persons WHERE id = ${employeeId}::uuid FOR UPDATE`
        if (!employee) throw new AppError('NOT_FOUND')
        if (employee.disposed_at) throw new AppError('PERSON_DISPOSED')
        const at = now()
        if (leftOn !== null && leftOn > latestLeftOn(japanToday(at))) throw new AppError('VALIDATION', { message: 'A leaving date at most a year ahead.' })
        const from = isoDate(employee.left_on)
        const before = await householdRetentionEnd(tx, employeeId)
        if (from === leftOn) return { leftOn, retentionEndsAt: before?.toISOString() ?? null }
        if (roleForLeftOnChange(from, leftOn) === 'administrator' && role !== 'administrator') throw new AppError('FORBIDDEN')
        const after = await householdRetentionEnd(tx, employeeId, leftOn)
        if (before && after && after < before && after.getTime() <= at.getTime() + GRACE_MS) throw new AppError('RETENTION_WITHIN_GRACE')
        await tx.person.update({ where: { id: employeeId }, data: { leftOn: leftOn === null ? null : new Date(leftOn) } })
        await audit.record(
          {
            ...byOperator(operator, companyId),
            action: 'person.left_on_changed',
            targetId: employeeId,
            detail: { changes: { leftOn: { from, to: leftOn } } },
          },
          tx,
        )
        return { leftOn, retentionEndsAt: after?.toISOString() ?? null }
      })
    },
  }
}
export type LeavingDates = ReturnType<typeof createLeavingDates>
