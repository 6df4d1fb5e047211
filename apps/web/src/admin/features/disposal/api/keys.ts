/** The preview sits under the campaign's prefix (a close or an import refreshes it); the records under the company. */
export const disposalKeys = {
  campaign: (campaignId: string) => ['admin', 'campaign', campaignId, 'detail'] as const,
  preview: (campaignId: string) => ['admin', 'campaign', campaignId, 'disposal-preview'] as const,
  records: (companyId: string) => ['admin', 'companies', companyId, 'disposals'] as const,
}
