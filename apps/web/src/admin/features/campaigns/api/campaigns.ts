import { campaignsResponseSchema } from '@bango/shared/admin-api'
import { useQuery } from '@tanstack/react-query'
import { adminRequest } from '../../../lib/api-client.ts'
import { companyCampaignsKey } from './keys.ts'

export function useCampaigns(companyId: string) {
  return useQuery({
    queryKey: companyCampaignsKey(companyId),
    queryFn: () => adminRequest(`/companies/${encodeURIComponent(companyId)}/campaigns`, { schema: campaignsResponseSchema }),
  })
}
