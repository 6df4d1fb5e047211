/** A campaign row as the console reads it, and a request as the row stores it. */
import type { Campaign, CampaignRequest } from '@bango/shared/admin-api'
import type { Campaign as CampaignRow } from '../../generated/prisma/client.ts'

/** A deadline is a calendar day; it is stored as that day's midnight UTC and read back as the same day. */
export const toDeadline = (date: string | null) => (date === null ? null : new Date(`${date}T00:00:00Z`))

/** The calendar day in Japan at `now`, as a deadline is written (YYYY-MM-DD). */
export const todayInJapan = (now: Date) => new Date(now.getTime() + 9 * 3600_000).toISOString().slice(0, 10)

export const toCampaign = (row: CampaignRow): Campaign => ({
  id: row.id,
  companyId: row.companyId,
  name: row.name,
  purposes: row.purposes,
  deadline: row.deadline ? row.deadline.toISOString().slice(0, 10) : null,
  draftLifetimeHours: row.draftLifetimeHours,
  retentionMonths: row.retentionMonths,
  employeeEntersNumber: row.employeeEntersNumber,
  contact: row.contact,
  status: row.status === 'OPEN' ? 'open' : 'closed',
  createdAt: row.createdAt.toISOString(),
  closedAt: row.closedAt?.toISOString() ?? null,
})

export const toData = (input: CampaignRequest) => ({ ...input, deadline: toDeadline(input.deadline) })

/** The settings of a stored campaign, as a request would state them. */
export const settingsOf = (row: CampaignRow): CampaignRequest => {
  const { name, purposes, deadline, draftLifetimeHours, retentionMonths, employeeEntersNumber, contact } = toCampaign(row)
  return { name, purposes, deadline, draftLifetimeHours, retentionMonths, employeeEntersNumber, contact }
}
