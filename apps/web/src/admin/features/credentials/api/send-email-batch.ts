import { type EmailBatchRequest, emailBatchSchema } from '@bango/shared/admin-credentials'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { adminRequest } from '../../../lib/api-client.ts'
import { queryKeys } from '../../../lib/query-keys.ts'

/** Starts a batch (202); the list then polls it. Credentials e-mails re-issue, so the dashboard is stale too. */
export function useSendEmailBatch(campaignId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (request: EmailBatchRequest) =>
      adminRequest(`/campaigns/${encodeURIComponent(campaignId)}/email-batches`, { method: 'POST', body: request, schema: emailBatchSchema }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: queryKeys.campaign.all(campaignId) }),
  })
}
