import { companySchema } from '@bango/shared/admin-api'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { adminRequest } from '../../../lib/api-client.ts'
import { queryKeys } from '../../../lib/query-keys.ts'

/** A system administrator registers a company; the session's company list changes too. */
export function useCreateCompany() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (name: string) => adminRequest('/companies', { method: 'POST', body: { name }, schema: companySchema }),
    onSuccess: () =>
      Promise.all([queryClient.invalidateQueries({ queryKey: queryKeys.companies }), queryClient.invalidateQueries({ queryKey: queryKeys.session })]),
  })
}
