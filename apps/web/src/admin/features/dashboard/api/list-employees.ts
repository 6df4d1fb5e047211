import { employeeListResponseSchema, type EmployeeListQuery } from '@bango/shared/admin-dashboard'
import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { adminRequest } from '../../../lib/api-client.ts'
import { toSearch } from '../utils/list-query.ts'
import { dashboardKeys } from './keys.ts'

/** One page of the list; the previous page stays on screen while the next one loads. */
export const useEmployees = (campaignId: string, query: EmployeeListQuery) =>
  useQuery({
    queryKey: dashboardKeys.employees(campaignId, query),
    queryFn: () => adminRequest(`/campaigns/${encodeURIComponent(campaignId)}/employees?${toSearch(query, true)}`, { schema: employeeListResponseSchema }),
    placeholderData: keepPreviousData,
  })
