/**
 * A shortened retention period does not destroy anything at once: for a grace period
 * (RETENTION_SHORTENING_GRACE_DAYS) the retention job keeps the longer period it replaced
 * (retention.ts reads these rows), the console shows what will go, and an administrator may
 * undo it. Disposal records the job makes because of a shortening name it.
 * @see docs/decisions/030-campaign-settings-policy.md
 */
import type { Campaign } from '@bango/shared/admin-api'
import type { RetentionShortening } from '@bango/shared/admin-disposal'
import { CAMPAIGN_ACTION_ROLES, RETENTION_SHORTENING_GRACE_DAYS } from '@bango/shared/settings-policy'
import type { Db, Tx } from '../../db/types.ts'
import { AppError } from '../../errors.ts'
import type { RetentionShortening as Row } from '../../generated/prisma/client.ts'
import { type AuditLog, byOperator } from '../audit.ts'
import { type CampaignScope, requireLevel } from './access.ts'
import { toCampaign } from './campaign-rows.ts'

const GRACE_MS = RETENTION_SHORTENING_GRACE_DAYS * 24 * 3600_000

export function recordShortening(tx: Tx, change: { campaignId: string; fromMonths: number; toMonths: number; changedById: string; at: Date }) {
  const { at, ...rest } = change
  return tx.retentionShortening.create({ data: { ...rest, changedAt: at, effectiveAt: new Date(at.getTime() + GRACE_MS) } })
}

/** Shortenings still in their grace period at `at` (not undone), oldest first. */
export function pendingShortenings(tx: Tx, campaignId: string, at: Date) {
  return tx.retentionShortening.findMany({ where: { campaignId, undoneAt: null, effectiveAt: { gt: at } }, orderBy: [{ changedAt: 'asc' }, { id: 'asc' }] })
}

/** The operators named by `ids`, for "who changed it". */
export async function operatorNames(tx: Tx, ids: readonly string[]) {
  const rows = await tx.operator.findMany({ where: { id: { in: [...new Set(ids)] } }, select: { id: true, name: true } })
  return new Map(rows.map((o) => [o.id, o]))
}

export function toShortening(row: Row, operators: Map<string, { id: string; name: string }>): RetentionShortening {
  return {
    id: row.id,
    fromMonths: row.fromMonths,
    toMonths: row.toMonths,
    changedAt: row.changedAt.toISOString(),
    changedBy: operators.get(row.changedById) ?? { id: row.changedById, name: '' },
    effectiveAt: row.effectiveAt.toISOString(),
  }
}

export function createRetentionShortenings(db: Db, audit: AuditLog, now: () => Date) {
  return {
    /**
     * Undoes a shortening still in its grace period, and every later one of the campaign (they
     * were made on top of it): the retention period goes back to what it was before, or stays
     * longer if it has been lengthened since.
     */
    async undo(scope: CampaignScope, shorteningId: string): Promise<Campaign> {
      requireLevel(scope, CAMPAIGN_ACTION_ROLES.undoRetentionShortening)
      const { operator, campaign, campaignId, companyId } = scope
      return db.$transaction(async (tx) => {
        const at = now()
        const shortening = await tx.retentionShortening.findFirst({ where: { id: shorteningId, campaignId } })
        if (!shortening) throw new AppError('NOT_FOUND')
        if (shortening.undoneAt || shortening.effectiveAt <= at) throw new AppError('CONFLICT', { message: 'Already undone, or its grace period is over.' })
        await tx.retentionShortening.updateMany({
          where: { campaignId, undoneAt: null, effectiveAt: { gt: at }, changedAt: { gte: shortening.changedAt } },
          data: { undoneAt: at, undoneById: operator.operatorId },
        })
        const retentionMonths = Math.max(campaign.retentionMonths, shortening.fromMonths)
        const row = await tx.campaign.update({ where: { id: campaignId }, data: { retentionMonths } })
        await audit.record(
          {
            ...byOperator(operator, companyId),
            action: 'campaign.retention_shortening_undone',
            targetId: campaignId,
            detail: { shorteningId, fromMonths: shortening.fromMonths, toMonths: shortening.toMonths, retentionMonths },
          },
          tx,
        )
        return toCampaign(row)
      })
    },
  }
}
export type RetentionShortenings = ReturnType<typeof createRetentionShortenings>
