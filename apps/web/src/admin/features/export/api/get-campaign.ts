import { campaignSchema } from '@bango/shared/admin-api'
import { useQuery } from '@tanstack/react-query'
import { adminRequest } from '../../../lib/api-client.ts'

/** The campaign (name, company): the same record and key as the campaign screens. */
export const useCampaign = (campaignId: string) =>
  useQuery({
    queryKey: ['admin', 'campaign', campaignId, 'detail'],
    queryFn: () => adminRequest(`/campaigns/${encodeURIComponent(campaignId)}`, { schema: campaignSchema }),
  })
