import { leftOnResponseSchema } from '@bango/shared/admin-leaving-date'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { adminRequest } from '../../../lib/api-client.ts'
import { queryKeys } from '../../../lib/query-keys.ts'

/** Records, moves or clears (null) the employee's 退職日; the page and the list reload. */
export function useRecordLeftOn(campaignId: string, employeeId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (leftOn: string | null) =>
      adminRequest(`/campaigns/${encodeURIComponent(campaignId)}/employees/${encodeURIComponent(employeeId)}/left-on`, {
        method: 'PUT',
        body: { leftOn },
        schema: leftOnResponseSchema,
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.campaign.all(campaignId) }),
  })
}
