import { campaignsResponseSchema } from '@bango/shared/admin-api'
import { useQuery } from '@tanstack/react-query'
import { adminRequest } from '../../../lib/api-client.ts'
import { queryKeys } from '../../../lib/query-keys.ts'

export function useCampaigns(companyId: string) {
  return useQuery({
    queryKey: queryKeys.company.campaigns(companyId),
    queryFn: () => adminRequest(`/companies/${encodeURIComponent(companyId)}/campaigns`, { schema: campaignsResponseSchema }),
  })
}
