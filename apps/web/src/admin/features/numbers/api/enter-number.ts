import { numberStateSchema, type NumberEntryRequest } from '@bango/shared/admin-number'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { adminRequest } from '../../../lib/api-client.ts'
import { queryKeys } from '../../../lib/query-keys.ts'
import { numberPath } from './number-path.ts'

/**
 * One entry of the double entry. The state is reloaded either way: a NUMBER_MISMATCH discarded
 * the first entry on the server.
 */
export function useEnterNumber(campaignId: string, employeeId: string, personId: string) {
  const queryClient = useQueryClient()
  const key = queryKeys.campaign.personNumber(campaignId, employeeId, personId)
  return useMutation({
    mutationFn: (entry: NumberEntryRequest) =>
      adminRequest(numberPath(campaignId, employeeId, personId, '/entries'), { method: 'PUT', body: entry, schema: numberStateSchema }),
    onSuccess: (state) => queryClient.setQueryData(key, state),
    onError: () => queryClient.invalidateQueries({ queryKey: key }),
  })
}
