import { type CampaignRequest, campaignSchema } from '@bango/shared/admin-api'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { adminRequest } from '../../../lib/api-client.ts'
import { queryKeys } from '../../../lib/query-keys.ts'

export function useUpdateCampaign(campaignId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (body: CampaignRequest) => adminRequest(`/campaigns/${encodeURIComponent(campaignId)}`, { method: 'PATCH', body, schema: campaignSchema }),
    onSuccess: (campaign) => {
      queryClient.setQueryData(queryKeys.campaign.detail(campaignId), campaign)
      return queryClient.invalidateQueries({ queryKey: queryKeys.company.campaigns(campaign.companyId) })
    },
  })
}
