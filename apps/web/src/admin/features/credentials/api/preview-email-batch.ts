import { type EmailBatchRequest, emailBatchPreviewSchema } from '@bango/shared/admin-credentials'
import { useMutation } from '@tanstack/react-query'
import { adminRequest } from '../../../lib/api-client.ts'

/** Who a send would reach and whom it leaves out, asked when HR presses a send button. */
export function usePreviewEmailBatch(campaignId: string) {
  return useMutation({
    mutationFn: (request: EmailBatchRequest) =>
      adminRequest(`/campaigns/${encodeURIComponent(campaignId)}/email-batches/preview`, { method: 'POST', body: request, schema: emailBatchPreviewSchema }),
  })
}
