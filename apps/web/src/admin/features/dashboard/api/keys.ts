import type { EmployeeListQuery } from '@bango/shared/admin-dashboard'

/** Query keys under the campaign's prefix, which an import or an issue invalidates. */
export const campaignKey = (campaignId: string) => ['admin', 'campaign', campaignId] as const
export const dashboardKeys = {
  counts: (campaignId: string) => [...campaignKey(campaignId), 'dashboard'] as const,
  employees: (campaignId: string, query: EmployeeListQuery) => [...campaignKey(campaignId), 'employees', query] as const,
  employee: (campaignId: string, employeeId: string) => [...campaignKey(campaignId), 'employee', employeeId] as const,
}
