import { employeeDetailResponseSchema } from '@bango/shared/admin-dashboard'
import { useQuery } from '@tanstack/react-query'
import { adminRequest } from '../../../lib/api-client.ts'
import { dashboardKeys } from './keys.ts'

/** One employee's detail and their persons' draft status (never images). */
export const useEmployee = (campaignId: string, employeeId: string) =>
  useQuery({
    queryKey: dashboardKeys.employee(campaignId, employeeId),
    queryFn: () =>
      adminRequest(`/campaigns/${encodeURIComponent(campaignId)}/employees/${encodeURIComponent(employeeId)}`, {
        schema: employeeDetailResponseSchema,
      }),
  })
