import { operatorsResponseSchema } from '@bango/shared/admin-api'
import { useQuery } from '@tanstack/react-query'
import { adminRequest } from '../../../lib/api-client.ts'

export const operatorsKey = (companyId: string) => ['admin', 'companies', companyId, 'operators'] as const

export function useOperators(companyId: string) {
  return useQuery({
    queryKey: operatorsKey(companyId),
    queryFn: () => adminRequest(`/companies/${encodeURIComponent(companyId)}/operators`, { schema: operatorsResponseSchema }),
  })
}
