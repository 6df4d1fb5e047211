import { exportSummarySchema } from '@bango/shared/admin-export'
import { useQuery } from '@tanstack/react-query'
import { adminRequest } from '../../../lib/api-client.ts'

/** How many persons the payroll file holds and why the others are not in it. */
export const useExportSummary = (campaignId: string, enabled: boolean) =>
  useQuery({
    queryKey: ['admin', 'campaign', campaignId, 'export-summary'],
    queryFn: () => adminRequest(`/campaigns/${encodeURIComponent(campaignId)}/exports/summary`, { schema: exportSummarySchema }),
    enabled,
  })
