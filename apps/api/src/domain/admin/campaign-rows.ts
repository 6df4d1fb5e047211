/** A campaign row as the console reads it, and a request as the row stores it. */
import type { Campaign, CampaignRequest } from '@bango/shared/admin-api'
import { languagesBeyondPurposes, purposeTranslationsSchema } from '@bango/shared/purposes'
import { AppError } from '../../errors.ts'
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
  purposeTranslations: purposeTranslationsSchema.parse(row.purposeTranslations),
  deadline: row.deadline ? row.deadline.toISOString().slice(0, 10) : null,
  draftLifetimeHours: row.draftLifetimeHours,
  retentionMonths: row.retentionMonths,
  employeeEntersNumber: row.employeeEntersNumber,
  identityByEmployment: row.identityByEmployment,
  contact: row.contact,
  status: row.status === 'OPEN' ? 'open' : 'closed',
  createdAt: row.createdAt.toISOString(),
  closedAt: row.closedAt?.toISOString() ?? null,
})

/** HR's wordings name purposes by their place: more of them than purposes is the client's mistake, refused. */
export function toData(input: CampaignRequest) {
  const beyond = languagesBeyondPurposes(input.purposes, input.purposeTranslations)
  if (beyond.length > 0) throw new AppError('VALIDATION', { message: `More wordings than purposes in: ${beyond.join(', ')}.` })
  return { ...input, deadline: toDeadline(input.deadline) }
}

/** The settings of a stored campaign, as a request would state them. */
export const settingsOf = (row: CampaignRow): CampaignRequest => {
  const { id: _id, companyId: _companyId, status: _status, createdAt: _createdAt, closedAt: _closedAt, ...settings } = toCampaign(row)
  return settings
}
