import { campaignSchema } from '@bango/shared/admin-api'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { adminRequest } from '../../../lib/api-client.ts'
import { queryKeys } from '../../../lib/query-keys.ts'

/** 受付の終了: unfinished drafts are deleted by the server; every view of the campaign is stale. */
export function useCloseCampaign(campaignId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: () => adminRequest(`/campaigns/${encodeURIComponent(campaignId)}/close`, { method: 'POST', schema: campaignSchema }),
    onSuccess: (campaign) =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.campaign.all(campaignId) }),
        queryClient.invalidateQueries({ queryKey: queryKeys.company.campaigns(campaign.companyId) }),
      ]),
  })
}
