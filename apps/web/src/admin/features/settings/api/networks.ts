import { type NetworkSettingsRequest, networkSettingsSchema } from '@bango/shared/admin-networks'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { adminRequest } from '../../../lib/api-client.ts'
import { queryKeys } from '../../../lib/query-keys.ts'

/** The installation's network allow-list, with the caller's address as the server sees it. */
export function useNetworks() {
  return useQuery({ queryKey: queryKeys.networks, queryFn: () => adminRequest('/settings/networks', { schema: networkSettingsSchema }) })
}

export function useUpdateNetworks() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (body: NetworkSettingsRequest) => adminRequest('/settings/networks', { method: 'PUT', body, schema: networkSettingsSchema }),
    onSuccess: (saved) => queryClient.setQueryData(queryKeys.networks, saved),
  })
}
