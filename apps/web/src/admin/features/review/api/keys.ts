/** Under the campaign's prefix (['admin', 'campaign', id]), so a review decision also refreshes the dashboard. */
export const campaignKey = (campaignId: string) => ['admin', 'campaign', campaignId] as const
export const submissionKey = (campaignId: string, employeeId: string) => [...campaignKey(campaignId), 'submission', employeeId] as const

const id = encodeURIComponent
export const submissionPath = (campaignId: string, employeeId: string) => `/campaigns/${id(campaignId)}/employees/${id(employeeId)}`
