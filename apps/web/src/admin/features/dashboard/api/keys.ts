import type { EmployeeListQuery } from '@bango/shared/admin-dashboard'
import { campaignCountsKey } from '../../../lib/campaign-counts.ts'

/** Query keys under the campaign's prefix, which an import or an issue invalidates. */
export const campaignKey = (campaignId: string) => ['admin', 'campaign', campaignId] as const
export const dashboardKeys = {
  counts: campaignCountsKey,
  employees: (campaignId: string, query: EmployeeListQuery) => [...campaignKey(campaignId), 'employees', query] as const,
  employee: (campaignId: string, employeeId: string) => [...campaignKey(campaignId), 'employee', employeeId] as const,
}
