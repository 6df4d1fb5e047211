import { operatorsResponseSchema } from '@bango/shared/admin-api'
import { useQuery } from '@tanstack/react-query'
import { adminRequest } from '../../../lib/api-client.ts'
import { queryKeys } from '../../../lib/query-keys.ts'

export function useOperators(companyId: string) {
  return useQuery({
    queryKey: queryKeys.company.operators(companyId),
    queryFn: () => adminRequest(`/companies/${encodeURIComponent(companyId)}/operators`, { schema: operatorsResponseSchema }),
  })
}
