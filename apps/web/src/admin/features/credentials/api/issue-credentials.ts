import { issueCredentialsResponseSchema } from '@bango/shared/admin-credentials'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { adminRequest } from '../../../lib/api-client.ts'
import { useIssuedCredentials } from '../stores/issued-credentials.ts'
import { queryKeys } from '../../../lib/query-keys.ts'

/** Issues (or re-issues `employeeIds`); the answer with passwords goes to the in-memory store only. */
export function useIssueCredentials(campaignId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (employeeIds: readonly string[]) =>
      adminRequest(`/campaigns/${encodeURIComponent(campaignId)}/credentials`, {
        method: 'POST',
        body: employeeIds.length ? { employeeIds } : {},
        schema: issueCredentialsResponseSchema,
      }),
    onSuccess: (issued) => {
      useIssuedCredentials.getState().keep(campaignId, issued)
      void queryClient.invalidateQueries({ queryKey: queryKeys.campaign.all(campaignId) })
    },
  })
}
