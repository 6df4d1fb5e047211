import { emailBatchesResponseSchema } from '@bango/shared/admin-credentials'
import { useQuery } from '@tanstack/react-query'
import { adminRequest } from '../../../lib/api-client.ts'
import { queryKeys } from '../../../lib/query-keys.ts'

/** Polled every few seconds while a batch is still sending, so its counts move. */
export const EMAIL_POLL_MS = 3000

export function useEmailBatches(campaignId: string) {
  return useQuery({
    queryKey: queryKeys.campaign.emailBatches(campaignId),
    queryFn: () => adminRequest(`/campaigns/${encodeURIComponent(campaignId)}/email-batches`, { schema: emailBatchesResponseSchema }),
    refetchInterval: (query) => (query.state.data?.batches.some((batch) => batch.finishedAt === null) ? EMAIL_POLL_MS : false),
  })
}
