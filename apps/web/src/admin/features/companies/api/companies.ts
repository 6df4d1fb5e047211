import { companiesResponseSchema } from '@bango/shared/admin-api'
import { useQuery } from '@tanstack/react-query'
import { adminRequest } from '../../../lib/api-client.ts'

export const companiesKey = ['admin', 'companies'] as const

export function useCompanies() {
  return useQuery({ queryKey: companiesKey, queryFn: () => adminRequest('/companies', { schema: companiesResponseSchema }) })
}
