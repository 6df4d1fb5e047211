/**
 * Campaigns (収集依頼) from the console. Who may change which setting and who may close is
 * THE table in @bango/shared/settings-policy: settings whose effect is destruction or wider
 * disclosure are the administrator's. Closing is final: the campaign stops taking drafts and
 * every unfinished draft is purged (blobs included) — the seed's rule that pictures not
 * completed are not kept. Submitted documents stay. A shortened retention period waits a
 * grace period (retention-shortenings.ts).
 */
import type { Campaign, CampaignRequest, ReopenCampaignRequest } from '@bango/shared/admin-api'
import { CAMPAIGN_ACTION_ROLES, changedSettings, changesBeyondRole } from '@bango/shared/settings-policy'
import type { Db } from '../../db/types.ts'
import { AppError } from '../../errors.ts'
import { type AuditLog, byOperator } from '../audit.ts'
import type { Drafts } from '../drafts.ts'
import { type CampaignScope, type CompanyScope, requireLevel } from './access.ts'
import { settingsOf, toCampaign, toData, toDeadline, todayInJapan } from './campaign-rows.ts'
import { recordShortening } from './retention-shortenings.ts'

export function createCampaigns(db: Db, drafts: Drafts, audit: AuditLog, now: () => Date) {
  return {
    async list({ companyId }: CompanyScope): Promise<Campaign[]> {
      const rows = await db.campaign.findMany({ where: { companyId }, orderBy: [{ createdAt: 'desc' }, { id: 'asc' }] })
      return rows.map(toCampaign)
    },

    async get({ campaign }: CampaignScope): Promise<Campaign> {
      return toCampaign(campaign)
    },

    async create(scope: CompanyScope, input: CampaignRequest): Promise<Campaign> {
      requireLevel(scope, CAMPAIGN_ACTION_ROLES.create)
      const { operator, companyId } = scope
      return db.$transaction(async (tx) => {
        const row = await tx.campaign.create({ data: { companyId, ...toData(input) } })
        await audit.record({ ...byOperator(operator, companyId), action: 'campaign.created', targetId: row.id }, tx)
        return toCampaign(row)
      })
    },

    /**
     * Replaces the settings of an open campaign, each change allowed to the caller's role by the
     * policy table. Changed purposes make employees consent again (consents.ts). The audit
     * event keeps the old and new value of every changed setting.
     */
    async update({ operator, campaign, campaignId, companyId, role }: CampaignScope, input: CampaignRequest): Promise<Campaign> {
      return db.$transaction(async (tx) => {
        const changes = changedSettings(settingsOf(campaign), input)
        const refused = changesBeyondRole(changes, role)
        if (refused.length > 0)
          throw new AppError('FORBIDDEN', { message: `Only an administrator may change ${refused.map((c) => c.key).join(', ')} this way.` })
        // Conditional on OPEN, so an edit racing a close cannot reopen or alter a closed campaign.
        const { count } = await tx.campaign.updateMany({ where: { id: campaignId, status: 'OPEN' }, data: toData(input) })
        if (count === 0) throw new AppError('CAMPAIGN_CLOSED')
        if (input.retentionMonths < campaign.retentionMonths) {
          await recordShortening(tx, {
            campaignId,
            fromMonths: campaign.retentionMonths,
            toMonths: input.retentionMonths,
            changedById: operator.operatorId,
            at: now(),
          })
        }
        const detail = { changes: Object.fromEntries(changes.map((c) => [c.key, { from: c.from, to: c.to }])) }
        await audit.record({ ...byOperator(operator, companyId), action: 'campaign.updated', targetId: campaignId, detail }, tx)
        return toCampaign(await tx.campaign.findUniqueOrThrow({ where: { id: campaignId } }))
      })
    },

    /**
     * OPEN → CLOSED and every draft of the campaign purged, in one transaction. An upload that
     * checked the campaign just before the close may still commit a draft after it: the sweeper
     * purges every draft of a closed campaign on its next pass.
     */
    async close(scope: CampaignScope): Promise<Campaign> {
      requireLevel(scope, CAMPAIGN_ACTION_ROLES.close)
      const { operator, campaignId, companyId } = scope
      const { campaign, blobKeys } = await db.$transaction(async (tx) => {
        const at = now()
        const { count } = await tx.campaign.updateMany({ where: { id: campaignId, status: 'OPEN' }, data: { status: 'CLOSED', closedAt: at } })
        if (count === 0) throw new AppError('CAMPAIGN_CLOSED')
        const purged = await drafts.purgeCampaignDrafts(tx, campaignId, null)
        const submissions = await tx.submission.count({ where: { employee: { campaignId } } })
        await audit.record(
          {
            ...byOperator(operator, companyId),
            action: 'campaign.closed',
            targetId: campaignId,
            detail: { draftPersonsPurged: purged.persons, draftImagesPurged: purged.blobKeys.length, submissions },
          },
          tx,
        )
        return { campaign: await tx.campaign.findUniqueOrThrow({ where: { id: campaignId } }), blobKeys: purged.blobKeys }
      })
      await drafts.deleteBlobs(blobKeys)
      return toCampaign(campaign)
    },

    /**
     * CLOSED → OPEN with a new deadline (today or later, or none), until the campaign is disposed
     * of as a whole. Employees disposed of one by one stay so: their links show the notice.
     */
    async reopen(scope: CampaignScope, input: ReopenCampaignRequest): Promise<Campaign> {
      if (input.deadline !== null && input.deadline < todayInJapan(now())) throw new AppError('VALIDATION', { message: 'The new deadline is in the past.' })
      requireLevel(scope, CAMPAIGN_ACTION_ROLES.reopen)
      const { operator, campaign, campaignId, companyId } = scope
      return db.$transaction(async (tx) => {
        if (await tx.disposalRecord.findFirst({ where: { campaignId, trigger: 'CAMPAIGN' }, select: { id: true } })) throw new AppError('CAMPAIGN_DISPOSED')
        const { count } = await tx.campaign.updateMany({
          where: { id: campaignId, status: 'CLOSED' },
          data: { status: 'OPEN', closedAt: null, deadline: toDeadline(input.deadline) },
        })
        if (count === 0) throw new AppError('CONFLICT', { message: 'The campaign is open.' })
        const detail = { closedAt: campaign.closedAt?.toISOString() ?? null, deadline: { from: toCampaign(campaign).deadline, to: input.deadline } }
        await audit.record({ ...byOperator(operator, companyId), action: 'campaign.reopened', targetId: campaignId, detail }, tx)
        return toCampaign(await tx.campaign.findUniqueOrThrow({ where: { id: campaignId } }))
      })
    },
  }
}
export type Campaigns = ReturnType<typeof createCampaigns>
