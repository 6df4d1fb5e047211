import { exportSummarySchema } from '@bango/shared/admin-export'
import { useQuery } from '@tanstack/react-query'
import { adminRequest } from '../../../lib/api-client.ts'
import { queryKeys } from '../../../lib/query-keys.ts'

/** How many persons the payroll file holds and why the others are not in it. */
export const useExportSummary = (campaignId: string, enabled: boolean) =>
  useQuery({
    queryKey: queryKeys.campaign.exportSummary(campaignId),
    queryFn: () => adminRequest(`/campaigns/${encodeURIComponent(campaignId)}/exports/summary`, { schema: exportSummarySchema }),
    enabled,
  })
