import { type Campaign, type CampaignRequest, DEFAULT_PURPOSES } from '@bango/shared/admin-api'
import { TRANSLATED_LANGUAGES } from '@bango/shared/languages'
import type { PurposeWordings } from './purpose-wordings-field.tsx'

const wordingsOf = (translations: Campaign['purposeTranslations']): PurposeWordings =>
  Object.fromEntries(TRANSLATED_LANGUAGES.map((language) => [language, [...(translations[language] ?? [])]])) as PurposeWordings

/** What the form holds: text as typed (numbers too), turned into a CampaignRequest on submit. */
export interface CampaignValues {
  name: string
  purposes: string[]
  /** Per language, a wording per purpose ('' where none), by the purposes' places. */
  purposeTranslations: PurposeWordings
  deadline: string
  draftLifetimeHours: string
  retentionMonths: string
  employeeEntersNumber: boolean
  identityByEmployment: boolean
  contact: string
}

/**
 * A new campaign: the usual purposes, drafts kept one day (the product's default), documents
 * kept seven years (the longest statutory retention of the forms that carry the number).
 */
export const NEW_CAMPAIGN: CampaignValues = {
  name: '',
  purposes: [...DEFAULT_PURPOSES],
  purposeTranslations: wordingsOf({}),
  deadline: '',
  draftLifetimeHours: '24',
  retentionMonths: '84',
  employeeEntersNumber: false,
  identityByEmployment: false,
  contact: '',
}

export const valuesOf = (campaign: Campaign): CampaignValues => ({
  name: campaign.name,
  purposes: [...campaign.purposes],
  purposeTranslations: wordingsOf(campaign.purposeTranslations),
  deadline: campaign.deadline ?? '',
  draftLifetimeHours: String(campaign.draftLifetimeHours),
  retentionMonths: String(campaign.retentionMonths),
  employeeEntersNumber: campaign.employeeEntersNumber,
  identityByEmployment: campaign.identityByEmployment,
  contact: campaign.contact ?? '',
})

const toNumber = (text: string) => (text.trim() === '' ? Number.NaN : Number(text))

/** Not yet validated: the shared schema does that. */
export const toRequest = (values: CampaignValues): Record<keyof CampaignRequest, unknown> => ({
  name: values.name,
  purposes: values.purposes,
  // Blank wordings at the end and languages without any drop out in the shared schema.
  purposeTranslations: values.purposeTranslations,
  deadline: values.deadline === '' ? null : values.deadline,
  draftLifetimeHours: toNumber(values.draftLifetimeHours),
  retentionMonths: toNumber(values.retentionMonths),
  employeeEntersNumber: values.employeeEntersNumber,
  identityByEmployment: values.identityByEmployment,
  contact: values.contact.trim() === '' ? null : values.contact,
})
