import { useMutation, useQueryClient } from '@tanstack/react-query'
import { adminRequest } from '../../../lib/api-client.ts'
import { queryKeys } from '../../../lib/query-keys.ts'

/** Lifts the lock after too many wrong passwords (204); the page and the list then reload. */
export function useUnlockEmployee(campaignId: string, employeeId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: () => adminRequest(`/campaigns/${encodeURIComponent(campaignId)}/employees/${encodeURIComponent(employeeId)}/unlock`, { method: 'POST' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.campaign.all(campaignId) }),
  })
}
