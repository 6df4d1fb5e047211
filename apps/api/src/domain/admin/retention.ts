/**
 * Automatic disposal when a household's retention period has ended: the campaign's
 * `retentionMonths` counted from 11 January after the year of the employee's 完了 or of the 退職日
 * HR recorded, whichever is later (retention-basis.ts, ADR 049) — whether the campaign is still
 * open or closed. The employee's whole household goes at once, as it was submitted at once. A
 * shortened period counts only once its grace period is over (retention-shortenings.ts): until then
 * the longer period it replaced is kept, and what it disposes of afterwards names it.
 *
 * Safe with several server instances: each batch runs in a transaction that first takes
 * `pg_try_advisory_xact_lock(RETENTION_LOCK)`; an instance that does not get it stops its run
 * (another one is working), and a batch only ever selects persons not yet disposed of.
 * @see docs/decisions/011-disposal.md
 */
import type { Db, Tx } from '../../db/types.ts'
import { Prisma } from '../../generated/prisma/client.ts'
import type { AuditLog } from '../audit.ts'
import type { Drafts } from '../drafts.ts'
import { type DisposedPerson, disposePersons, householdOf } from './dispose-persons.ts'
import { retentionEndSql, retentionStartSql } from './retention-basis.ts'

/** Advisory lock key of the retention job (Prisma's migrations hold 72707369). */
export const RETENTION_LOCK = 72707370
const BATCH_EMPLOYEES = 200

interface ExpiredEmployee {
  employee_id: string
  campaign_id: string
  submitted_at: Date
  left_on: Date | null
  /** The first day of the period (retention-basis.ts). */
  starts_on: Date
  /** The period that ended, in months. */
  months: number
  expired_at: Date
  /** The shortening (its grace period over) without which the employee would still be kept; null: the period ended as first set. */
  shortening_id: string | null
}

/** The disposal record's reason: 「保存期間の終了（退職の翌年 2030年1月11日から 84 か月）」. */
export function retentionReason(employee: Pick<ExpiredEmployee, 'left_on' | 'starts_on' | 'months'>): string {
  const start = employee.starts_on
  // The later year decided the start; a 退職日 in the 完了's own year decided it as much.
  const basis = employee.left_on && employee.left_on.getUTCFullYear() + 1 === start.getUTCFullYear() ? '退職' : '完了'
  return `保存期間の終了（${basis}の翌年 ${start.getUTCFullYear()}年${start.getUTCMonth() + 1}月${start.getUTCDate()}日から ${employee.months} か月）`
}

/**
 * Employees (not yet disposed of) whose household's retention period ended by `now`, soonest
 * ended first. The period in force is the campaign's, or the longest one that a shortening still
 * in its grace period replaced.
 */
export function expiredEmployees(tx: Tx, now: Date, options: { campaignId?: string; limit: number }) {
  const campaignFilter = options.campaignId ?? null
  const endsAfter = (months: Prisma.Sql) => retentionEndSql(Prisma.sql`basis.starts_on`, months)
  return tx.$queryRaw<ExpiredEmployee[]>`
    SELECT p.id AS employee_id, p.campaign_id, s.submitted_at, p.left_on, basis.starts_on, kept.months,
      ${endsAfter(Prisma.sql`kept.months`)} AS expired_at, cause.id AS shortening_id
    FROM submissions s
    JOIN persons p ON p.id = s.employee_id
    JOIN campaigns c ON c.id = p.campaign_id
    CROSS JOIN LATERAL (SELECT ${retentionStartSql(Prisma.sql`s.submitted_at`, Prisma.sql`p.left_on`)} AS starts_on) basis
    CROSS JOIN LATERAL (
      SELECT GREATEST(c.retention_months, MAX(r.from_months)) AS months
      FROM retention_shortenings r
      WHERE r.campaign_id = c.id AND r.undone_at IS NULL AND r.effective_at > ${now}) kept
    LEFT JOIN LATERAL (
      SELECT r.id FROM retention_shortenings r
      WHERE r.campaign_id = c.id AND r.undone_at IS NULL AND r.effective_at <= ${now}
        AND ${endsAfter(Prisma.sql`r.from_months`)} > ${now}
      ORDER BY r.changed_at DESC, r.id DESC
      LIMIT 1) cause ON true
    WHERE p.disposed_at IS NULL
      AND ${endsAfter(Prisma.sql`kept.months`)} <= ${now}
      AND (${campaignFilter}::uuid IS NULL OR c.id = ${campaignFilter}::uuid)
    ORDER BY expired_at, p.id
    LIMIT ${options.limit}`
}

export interface RetentionRun {
  /** false: another instance held the lock, this one did nothing. */
  ran: boolean
  persons: number
  images: number
}

export function createRetention(db: Db, drafts: Drafts, audit: AuditLog) {
  return {
    /** Disposes of every expired household, batch by batch, while this instance holds the lock. */
    async run(now: Date): Promise<RetentionRun> {
      const total: RetentionRun = { ran: false, persons: 0, images: 0 }
      for (;;) {
        const batch = await db.$transaction(async (tx) => {
          const [lock] = await tx.$queryRaw<{ locked: boolean }[]>`SELECT pg_try_advisory_xact_lock(${RETENTION_LOCK}) AS locked`
          if (!lock?.locked) return null
          const expired = await expiredEmployees(tx, now, { limit: BATCH_EMPLOYEES })
          // One disposal per cause and reason, so that each record names the shortening behind it (or none) and its own period.
          const byCause = new Map<string, { shorteningId: string | null; reason: string; employees: ExpiredEmployee[] }>()
          for (const e of expired) {
            const reason = retentionReason(e)
            const key = JSON.stringify([e.shortening_id, reason])
            const group = byCause.get(key) ?? { shorteningId: e.shortening_id, reason, employees: [] }
            group.employees.push(e)
            byCause.set(key, group)
          }
          const result: { disposed: DisposedPerson[]; blobKeys: string[] } = { disposed: [], blobKeys: [] }
          for (const { shorteningId, reason, employees } of byCause.values()) {
            const households = await householdOf(
              tx,
              employees.map((e) => e.employee_id),
            )
            const part = await disposePersons(tx, households, { trigger: 'retention', reason, disposedById: null, at: now, shorteningId })
            result.disposed.push(...part.disposed)
            result.blobKeys.push(...part.blobKeys)
          }
          // One event per campaign of the batch, counts only.
          const byCampaign = new Map<string, { companyId: string; persons: number; images: number; shortenings: Set<string> }>()
          for (const person of result.disposed) {
            const entry = byCampaign.get(person.campaignId) ?? { companyId: person.companyId, persons: 0, images: 0, shortenings: new Set() }
            entry.persons += 1
            entry.images += person.imageCount
            if (person.shorteningId) entry.shortenings.add(person.shorteningId)
            byCampaign.set(person.campaignId, entry)
          }
          for (const [campaignId, { shortenings, ...counts }] of byCampaign) {
            await audit.record(
              {
                companyId: counts.companyId,
                actorType: 'system',
                actorId: null,
                action: 'campaign.disposed',
                targetId: campaignId,
                detail: { trigger: 'retention', persons: counts.persons, images: counts.images, retentionShortenings: [...shortenings] },
              },
              tx,
            )
          }
          return { employees: expired.length, ...result }
        })
        if (batch === null) return total
        total.ran = true
        await drafts.deleteBlobs(batch.blobKeys)
        total.persons += batch.disposed.length
        total.images += batch.blobKeys.length
        if (batch.employees < BATCH_EMPLOYEES) return total
      }
    },
  }
}
export type Retention = ReturnType<typeof createRetention>
