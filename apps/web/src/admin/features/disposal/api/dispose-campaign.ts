import { disposeResponseSchema } from '@bango/shared/admin-disposal'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { adminRequest } from '../../../lib/api-client.ts'
import { queryKeys } from '../../../lib/query-keys.ts'

/** 収集依頼の書類をすべて廃棄: every view of the campaign and the company's records are stale after it. */
export function useDisposeCampaign(campaignId: string, companyId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (reason: string) =>
      adminRequest(`/campaigns/${encodeURIComponent(campaignId)}/dispose`, { method: 'POST', body: { reason }, schema: disposeResponseSchema }),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.campaign.all(campaignId) }),
        queryClient.invalidateQueries({ queryKey: queryKeys.company.disposals(companyId) }),
      ]),
  })
}
