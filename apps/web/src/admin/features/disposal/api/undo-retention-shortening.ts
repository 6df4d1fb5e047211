import { campaignSchema } from '@bango/shared/admin-api'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { adminRequest } from '../../../lib/api-client.ts'
import { queryKeys } from '../../../lib/query-keys.ts'

/** 短縮を取り消す: the campaign's retention period and its dry run change. */
export function useUndoRetentionShortening(campaignId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (shorteningId: string) =>
      adminRequest(`/campaigns/${encodeURIComponent(campaignId)}/retention-shortenings/${encodeURIComponent(shorteningId)}/undo`, {
        method: 'POST',
        schema: campaignSchema,
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.campaign.all(campaignId) }),
  })
}
