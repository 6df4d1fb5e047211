/** The campaign's own record sits under web-B's campaign prefix, so closing refreshes their screens too. */
export const campaignPrefix = (campaignId: string) => ['admin', 'campaign', campaignId] as const
export const campaignDetailKey = (campaignId: string) => [...campaignPrefix(campaignId), 'detail'] as const
export const companyCampaignsKey = (companyId: string) => ['admin', 'companies', companyId, 'campaigns'] as const
