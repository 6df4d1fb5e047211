import { type CampaignRequest, campaignSchema } from '@bango/shared/admin-api'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { adminRequest } from '../../../lib/api-client.ts'
import { queryKeys } from '../../../lib/query-keys.ts'

export function useCreateCampaign(companyId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (body: CampaignRequest) =>
      adminRequest(`/companies/${encodeURIComponent(companyId)}/campaigns`, { method: 'POST', body, schema: campaignSchema }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.company.campaigns(companyId) }),
  })
}
