import { companiesResponseSchema } from '@bango/shared/admin-api'
import { useQuery } from '@tanstack/react-query'
import { adminRequest } from '../../../lib/api-client.ts'
import { queryKeys } from '../../../lib/query-keys.ts'

export function useCompanies() {
  return useQuery({ queryKey: queryKeys.companies, queryFn: () => adminRequest('/companies', { schema: companiesResponseSchema }) })
}
