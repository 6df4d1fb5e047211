/** Query keys under the campaign's prefix, which an import or an issue invalidates. */
export const campaignKey = (campaignId: string) => ['admin', 'campaign', campaignId] as const
export const emailBatchesKey = (campaignId: string) => [...campaignKey(campaignId), 'email-batches'] as const
export const credentialBatchesKey = (campaignId: string) => [...campaignKey(campaignId), 'credential-batches'] as const
