/** The number of one person; under the campaign's prefix so a campaign-wide refresh reloads it. */
export const numberKey = (campaignId: string, employeeId: string, personId: string) =>
  ['admin', 'campaign', campaignId, 'person-number', employeeId, personId] as const

export const numberPath = (campaignId: string, employeeId: string, personId: string, suffix = '') =>
  `/campaigns/${encodeURIComponent(campaignId)}/employees/${encodeURIComponent(employeeId)}/persons/${encodeURIComponent(personId)}/number${suffix}`
