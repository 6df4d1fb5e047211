import { useMutation, useQueryClient } from '@tanstack/react-query'
import { adminRequest } from '../../../lib/api-client.ts'
import { queryKeys } from '../../../lib/query-keys.ts'

export function useRenameCompany() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({ companyId, name }: { companyId: string; name: string }) =>
      adminRequest(`/companies/${encodeURIComponent(companyId)}`, { method: 'PATCH', body: { name } }),
    // The name shows in the switcher (session) and the list.
    onSuccess: () =>
      Promise.all([queryClient.invalidateQueries({ queryKey: queryKeys.companies }), queryClient.invalidateQueries({ queryKey: queryKeys.session })]),
  })
}
