import { type CompanySettingsRequest, companySettingsSchema } from '@bango/shared/admin-networks'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { adminRequest } from '../../../lib/api-client.ts'
import { queryKeys } from '../../../lib/query-keys.ts'

const url = (companyId: string) => `/companies/${encodeURIComponent(companyId)}/settings`

/** A company's settings (its administrators), with the caller's address as the server sees it. */
export function useCompanySettings(companyId: string) {
  return useQuery({ queryKey: queryKeys.company.settings(companyId), queryFn: () => adminRequest(url(companyId), { schema: companySettingsSchema }) })
}

export function useUpdateCompanySettings(companyId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (body: CompanySettingsRequest) => adminRequest(url(companyId), { method: 'PUT', body, schema: companySettingsSchema }),
    onSuccess: (saved) => queryClient.setQueryData(queryKeys.company.settings(companyId), saved),
  })
}
