import { disposeResponseSchema } from '@bango/shared/admin-disposal'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { adminRequest } from '../../../lib/api-client.ts'
import { queryKeys } from '../../../lib/query-keys.ts'

/** 廃棄 of one person (the employee takes their dependents along); the campaign's views reload. */
export function useDisposePerson(campaignId: string, employeeId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({ personId, reason }: { personId: string; reason: string }) =>
      adminRequest(`/campaigns/${encodeURIComponent(campaignId)}/employees/${encodeURIComponent(employeeId)}/persons/${encodeURIComponent(personId)}/dispose`, {
        method: 'POST',
        body: { reason },
        schema: disposeResponseSchema,
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.campaign.all(campaignId) }),
  })
}
