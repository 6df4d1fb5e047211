import { campaignSchema } from '@bango/shared/admin-api'
import { useQuery } from '@tanstack/react-query'
import { adminRequest } from '../../../lib/api-client.ts'
import { campaignKey } from './keys.ts'

/** The campaign itself, for the page title. */
export const useCampaign = (campaignId: string) =>
  useQuery({
    queryKey: [...campaignKey(campaignId), 'campaign'],
    queryFn: () => adminRequest(`/campaigns/${encodeURIComponent(campaignId)}`, { schema: campaignSchema }),
  })
