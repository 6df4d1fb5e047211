import {
  type CredentialBatch,
  type DistributeCredentialsResponse,
  credentialBatchesResponseSchema,
  distributeCredentialsResponseSchema,
} from '@bango/shared/admin-credentials'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { adminRequest } from '../../../lib/api-client.ts'
import { queryKeys } from '../../../lib/query-keys.ts'

/** The campaign's issued batches not yet handed out, and how many employees have no login at all (ADR 039). */
export function useCredentialBatches(campaignId: string) {
  return useQuery({
    queryKey: queryKeys.campaign.credentialBatches(campaignId),
    queryFn: () => adminRequest(`/campaigns/${encodeURIComponent(campaignId)}/credential-batches`, { schema: credentialBatchesResponseSchema }),
  })
}

/** What ending a batch did: logins made live, or a batch (of `count`) that never will be. */
export type EndedBatch = ({ action: 'distributed' } & DistributeCredentialsResponse) | { action: 'cancel'; count: number }

/** 「配布しました」 (the batch's logins go live) or 「取り消す」 (they never will). */
export function useEndCredentialBatch(campaignId: string) {
  const queryClient = useQueryClient()
  const base = `/campaigns/${encodeURIComponent(campaignId)}/credential-batches`
  return useMutation({
    mutationFn: async ({ batch, action }: { batch: CredentialBatch; action: EndedBatch['action'] }): Promise<EndedBatch> => {
      const url = `${base}/${encodeURIComponent(batch.id)}/${action}`
      if (action === 'cancel') {
        await adminRequest(url, { method: 'POST' })
        return { action, count: batch.count }
      }
      return { action, ...(await adminRequest(url, { method: 'POST', schema: distributeCredentialsResponseSchema })) }
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.campaign.all(campaignId) }),
  })
}
