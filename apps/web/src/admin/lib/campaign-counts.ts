/**
 * A campaign's employees counted by status: the dashboard's summary bar, and the counts the
 * close and dispose confirmations state before anything happens.
 */
import { dashboardResponseSchema } from '@bango/shared/admin-dashboard'
import { useQuery } from '@tanstack/react-query'
import { adminRequest } from './api-client.ts'

/** Under the campaign's prefix (['admin', 'campaign', id]), which an import, an issue or a close invalidates. */
export const campaignCountsKey = (campaignId: string) => ['admin', 'campaign', campaignId, 'dashboard'] as const

export const useCampaignCounts = (campaignId: string) =>
  useQuery({
    queryKey: campaignCountsKey(campaignId),
    queryFn: () => adminRequest(`/campaigns/${encodeURIComponent(campaignId)}/dashboard`, { schema: dashboardResponseSchema }),
  })
