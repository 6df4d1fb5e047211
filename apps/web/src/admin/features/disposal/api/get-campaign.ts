import { campaignSchema } from '@bango/shared/admin-api'
import { useQuery } from '@tanstack/react-query'
import { adminRequest } from '../../../lib/api-client.ts'
import { disposalKeys } from './keys.ts'

/** The campaign (name, status, company): the same record and key as the campaign screens. */
export const useCampaign = (campaignId: string) =>
  useQuery({
    queryKey: disposalKeys.campaign(campaignId),
    queryFn: () => adminRequest(`/campaigns/${encodeURIComponent(campaignId)}`, { schema: campaignSchema }),
  })
