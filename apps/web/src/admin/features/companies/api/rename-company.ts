import { useMutation, useQueryClient } from '@tanstack/react-query'
import { adminRequest } from '../../../lib/api-client.ts'

export function useRenameCompany() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({ companyId, name }: { companyId: string; name: string }) =>
      adminRequest(`/companies/${encodeURIComponent(companyId)}`, { method: 'PATCH', body: { name } }),
    // The name shows in the switcher (session) and the list.
    onSuccess: () => queryClient.invalidateQueries({ predicate: ({ queryKey }) => queryKey[1] === 'companies' || queryKey[1] === 'session' }),
  })
}
