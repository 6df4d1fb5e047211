import { employeeListResponseSchema, type EmployeeListQuery } from '@bango/shared/admin-dashboard'
import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { adminPath, adminRequest } from '../../../lib/api-client.ts'
import { toSearch } from '../utils/list-query.ts'
import { queryKeys } from '../../../lib/query-keys.ts'

/** The list with the same filters, every page, as the statuses CSV: a plain GET download (the cookie goes along; the server audits it). */
export const statusesCsvHref = (campaignId: string, query: EmployeeListQuery) =>
  adminPath(`/campaigns/${encodeURIComponent(campaignId)}/employees.csv?${toSearch(query, true)}`)

/** One page of the list; the previous page stays on screen while the next one loads. */
export const useEmployees = (campaignId: string, query: EmployeeListQuery) =>
  useQuery({
    queryKey: queryKeys.campaign.employees(campaignId, query),
    queryFn: () => adminRequest(`/campaigns/${encodeURIComponent(campaignId)}/employees?${toSearch(query, true)}`, { schema: employeeListResponseSchema }),
    placeholderData: keepPreviousData,
  })
