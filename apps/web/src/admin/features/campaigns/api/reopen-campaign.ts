import { type ReopenCampaignRequest, campaignSchema } from '@bango/shared/admin-api'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { adminRequest } from '../../../lib/api-client.ts'
import { queryKeys } from '../../../lib/query-keys.ts'

/** 受付の再開 with a new deadline: every view of the campaign is stale. */
export function useReopenCampaign(campaignId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (request: ReopenCampaignRequest) =>
      adminRequest(`/campaigns/${encodeURIComponent(campaignId)}/reopen`, { method: 'POST', body: request, schema: campaignSchema }),
    onSuccess: (campaign) =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.campaign.all(campaignId) }),
        queryClient.invalidateQueries({ queryKey: queryKeys.company.campaigns(campaign.companyId) }),
      ]),
  })
}
