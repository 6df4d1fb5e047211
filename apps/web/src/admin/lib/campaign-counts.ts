/**
 * A campaign's employees counted by status: the dashboard's summary bar, and the counts the
 * close and dispose confirmations state before anything happens.
 */
import { dashboardResponseSchema } from '@bango/shared/admin-dashboard'
import { useQuery } from '@tanstack/react-query'
import { adminRequest } from './api-client.ts'
import { queryKeys } from './query-keys.ts'

export const useCampaignCounts = (campaignId: string) =>
  useQuery({
    queryKey: queryKeys.campaign.counts(campaignId),
    queryFn: () => adminRequest(`/campaigns/${encodeURIComponent(campaignId)}/dashboard`, { schema: dashboardResponseSchema }),
  })
