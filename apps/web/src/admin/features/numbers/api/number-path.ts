/** The API path of one person's number (its state, entries, reveal, reading). */
export const numberPath = (campaignId: string, employeeId: string, personId: string, suffix = '') =>
  `/campaigns/${encodeURIComponent(campaignId)}/employees/${encodeURIComponent(employeeId)}/persons/${encodeURIComponent(personId)}/number${suffix}`
