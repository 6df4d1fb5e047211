/**
 * When a household's retention period starts and ends, as the law counts it: documents such as
 * the 扶養控除等申告書 are kept 7 years from the day after 10 January of the year after their due
 * date, and the numbers once no purpose remains — after the employee has left. So the period
 * starts on 11 January (Japan time) of the year after the later of the year of the employee's 完了
 * and the year of the 退職日 HR recorded, and runs the campaign's months from there.
 *
 * THE expression of the rule: the retention job, its dry run, the employee's detail and the
 * check on a changed 退職日 all read it from here (retention.ts, leaving-dates.ts).
 * @see docs/decisions/049-retention-as-the-law-counts-it.md
 */
import type { Tx } from '../../db/types.ts'
import { Prisma } from '../../generated/prisma/client.ts'

/**
 * The first day of the period (a date): 11 January after the later of the 完了's year in Japan
 * (`submittedAt`, a timestamptz) and the 退職日's year (`leftOn`, a date; NULL when none was recorded).
 */
export const retentionStartSql = (submittedAt: Prisma.Sql, leftOn: Prisma.Sql) =>
  Prisma.sql`make_date(GREATEST(EXTRACT(YEAR FROM ${submittedAt} AT TIME ZONE 'Asia/Tokyo'), EXTRACT(YEAR FROM ${leftOn}))::int + 1, 1, 11)`

/** The moment the period is over (a timestamptz): midnight in Japan, `months` after its first day. */
export const retentionEndSql = (startsOn: Prisma.Sql, months: Prisma.Sql) =>
  Prisma.sql`((${startsOn} + make_interval(months => ${months}))::timestamp AT TIME ZONE 'Asia/Tokyo')`

/**
 * When the household's retention ends with the campaign's period as it is set now, counting
 * with the employee's recorded 退職日 or with `leftOn` instead; null before their 完了.
 */
export async function householdRetentionEnd(tx: Tx, employeeId: string, leftOn?: string | null): Promise<Date | null> {
  const left = leftOn === undefined ? Prisma.sql`p.left_on` : Prisma.sql`${leftOn}::date`
  const [row] = await tx.$queryRaw<{ ends_at: Date }[]>`
    SELECT ${retentionEndSql(retentionStartSql(Prisma.sql`s.submitted_at`, left), Prisma.sql`c.retention_months`)} AS ends_at
    FROM submissions s JOIN persons p ON p.id = s.employee_id JOIN campaigns c ON c.id = p.campaign_id
    WHERE s.employee_id = ${employeeId}::uuid`
  return row?.ends_at ?? null
}
