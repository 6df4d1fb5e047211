/** The campaign's own record sits under the prefix every screen of the campaign keys its queries by, so closing refreshes them all. */
export const campaignPrefix = (campaignId: string) => ['admin', 'campaign', campaignId] as const
export const campaignDetailKey = (campaignId: string) => [...campaignPrefix(campaignId), 'detail'] as const
export const companyCampaignsKey = (companyId: string) => ['admin', 'companies', companyId, 'campaigns'] as const
