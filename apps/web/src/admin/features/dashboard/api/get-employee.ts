import { employeeDetailResponseSchema } from '@bango/shared/admin-dashboard'
import { useQuery } from '@tanstack/react-query'
import { adminRequest } from '../../../lib/api-client.ts'
import { queryKeys } from '../../../lib/query-keys.ts'

/** One employee's detail and their persons' draft status (never images). */
export const useEmployee = (campaignId: string, employeeId: string) =>
  useQuery({
    queryKey: queryKeys.campaign.employee(campaignId, employeeId),
    queryFn: () =>
      adminRequest(`/campaigns/${encodeURIComponent(campaignId)}/employees/${encodeURIComponent(employeeId)}`, {
        schema: employeeDetailResponseSchema,
      }),
  })
