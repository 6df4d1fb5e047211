/**
 * Campaigns (収集依頼) from the console: any role assigned to the company may create, edit
 * and close them. Closing is final: the campaign stops taking drafts and every unfinished
 * draft is purged (blobs included) — the seed's rule that pictures not completed are not
 * kept. Submitted documents stay.
 */
import type { Campaign, CampaignRequest } from '@bango/shared/admin-api'
import type { Db } from '../../db/types.ts'
import { AppError } from '../../errors.ts'
import type { Campaign as CampaignRow } from '../../generated/prisma/client.ts'
import { type AuditLog, byOperator } from '../audit.ts'
import { samePurposes } from '../consents.ts'
import type { Drafts } from '../drafts.ts'
import type { Access, OperatorIdentity } from './access.ts'

/** A deadline is a calendar day; it is stored as that day's midnight UTC and read back as the same day. */
const toDeadline = (date: string | null) => (date === null ? null : new Date(`${date}T00:00:00Z`))

export const toCampaign = (row: CampaignRow): Campaign => ({
  id: row.id,
  companyId: row.companyId,
  name: row.name,
  purposes: row.purposes,
  deadline: row.deadline ? row.deadline.toISOString().slice(0, 10) : null,
  draftLifetimeHours: row.draftLifetimeHours,
  retentionMonths: row.retentionMonths,
  employeeEntersNumber: row.employeeEntersNumber,
  contact: row.contact,
  status: row.status === 'OPEN' ? 'open' : 'closed',
  createdAt: row.createdAt.toISOString(),
  closedAt: row.closedAt?.toISOString() ?? null,
})

const toData = (input: CampaignRequest) => ({ ...input, deadline: toDeadline(input.deadline) })

export function createCampaigns(db: Db, access: Access, drafts: Drafts, audit: AuditLog, now: () => Date) {
  return {
    async list(operator: OperatorIdentity, companyId: string): Promise<Campaign[]> {
      await access.company(operator, companyId)
      const rows = await db.campaign.findMany({ where: { companyId }, orderBy: [{ createdAt: 'desc' }, { id: 'asc' }] })
      return rows.map(toCampaign)
    },

    async get(operator: OperatorIdentity, campaignId: string): Promise<Campaign> {
      return toCampaign((await access.campaign(operator, campaignId)).campaign)
    },

    async create(operator: OperatorIdentity, companyId: string, input: CampaignRequest): Promise<Campaign> {
      return db.$transaction(async (tx) => {
        await access.company(operator, companyId, 'operator', tx)
        const row = await tx.campaign.create({ data: { companyId, ...toData(input) } })
        await audit.record({ ...byOperator(operator, companyId), action: 'campaign.created', targetId: row.id }, tx)
        return toCampaign(row)
      })
    },

    /** Replaces the settings of an open campaign. Changed purposes make employees consent again (consents.ts). */
    async update(operator: OperatorIdentity, campaignId: string, input: CampaignRequest): Promise<Campaign> {
      return db.$transaction(async (tx) => {
        const { campaign, companyId } = await access.campaign(operator, campaignId, 'operator', tx)
        // Conditional on OPEN, so an edit racing a close cannot reopen or alter a closed campaign.
        const { count } = await tx.campaign.updateMany({ where: { id: campaignId, status: 'OPEN' }, data: toData(input) })
        if (count === 0) throw new AppError('CAMPAIGN_CLOSED')
        const purposesChanged = !samePurposes(campaign.purposes, input.purposes)
        await audit.record({ ...byOperator(operator, companyId), action: 'campaign.updated', targetId: campaignId, detail: { purposesChanged } }, tx)
        return toCampaign(await tx.campaign.findUniqueOrThrow({ where: { id: campaignId } }))
      })
    },

    /**
     * OPEN → CLOSED and every draft of the campaign purged, in one transaction. An upload that
     * checked the campaign just before the close may still commit a draft after it: the sweeper
     * purges every draft of a closed campaign on its next pass.
     */
    async close(operator: OperatorIdentity, campaignId: string): Promise<Campaign> {
      const { campaign, blobKeys } = await db.$transaction(async (tx) => {
        const { companyId } = await access.campaign(operator, campaignId, 'operator', tx)
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
  }
}
export type Campaigns = ReturnType<typeof createCampaigns>
