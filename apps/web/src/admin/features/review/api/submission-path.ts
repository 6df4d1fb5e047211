/** The API path of one employee's submission (its review, approvals, send-backs). */
const id = encodeURIComponent
export const submissionPath = (campaignId: string, employeeId: string) => `/campaigns/${id(campaignId)}/employees/${id(employeeId)}`
