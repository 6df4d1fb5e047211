import { campaignSchema } from '@bango/shared/admin-api'
import { useQuery } from '@tanstack/react-query'
import { adminRequest } from '../../../lib/api-client.ts'
import { campaignDetailKey } from './keys.ts'

/** One campaign; nothing is fetched while `campaignId` is undefined. */
export function useCampaign(campaignId: string | undefined) {
  return useQuery({
    queryKey: campaignDetailKey(campaignId ?? ''),
    queryFn: () => adminRequest(`/campaigns/${encodeURIComponent(campaignId ?? '')}`, { schema: campaignSchema }),
    enabled: campaignId !== undefined,
  })
}
