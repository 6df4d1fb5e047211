import { type CompanyRole, operatorCreatedResponseSchema } from '@bango/shared/admin-api'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { adminRequest } from '../../../lib/api-client.ts'
import { queryKeys } from '../../../lib/query-keys.ts'

/** The answer carries the one-time password: kept in this mutation's state only, never cached. */
export function useCreateOperator(companyId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (body: { email: string; name: string; role: CompanyRole }) =>
      adminRequest(`/companies/${encodeURIComponent(companyId)}/operators`, { method: 'POST', body, schema: operatorCreatedResponseSchema }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.company.operators(companyId) }),
  })
}
