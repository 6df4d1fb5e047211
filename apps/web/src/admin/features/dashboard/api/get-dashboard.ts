import { dashboardResponseSchema } from '@bango/shared/admin-dashboard'
import { useQuery } from '@tanstack/react-query'
import { adminRequest } from '../../../lib/api-client.ts'
import { dashboardKeys } from './keys.ts'

/** Counts by status for the summary bar. */
export const useDashboard = (campaignId: string) =>
  useQuery({
    queryKey: dashboardKeys.counts(campaignId),
    queryFn: () => adminRequest(`/campaigns/${encodeURIComponent(campaignId)}/dashboard`, { schema: dashboardResponseSchema }),
  })
