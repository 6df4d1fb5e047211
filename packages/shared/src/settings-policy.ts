/**
 * Who may change which setting (campaign, company, installation) and take which campaign
 * action: THE table the API enforces (domain/admin/campaigns.ts, disposal-actions.ts,
 * disposal-records.ts, settings.ts, network-settings.ts, company-settings.ts) and the console
 * reads to disable what the signed-in role may not do. A setting or action whose effect is destruction (shorter
 * retention or draft lifetime, closing) or wider disclosure (new purposes, employees typing
 * their number) needs the role that may dispose of records (ADR 011): the administrator.
 * @see docs/decisions/030-campaign-settings-policy.md
 */
import type { CampaignRequest, CompanyRole, Settings } from './admin-api.ts'
import type { LeftOnRequest } from './admin-leaving-date.ts'
import type { CompanySettingsRequest, NetworkSettingsRequest } from './admin-networks.ts'

/**
 * - `operator`: any role assigned to the company.
 * - `administrator`: any change needs an administrator.
 * - `administrator-to-shorten`: lengthening is any role's; shortening is the administrator's.
 */
export type SettingRule = 'operator' | 'administrator' | 'administrator-to-shorten'

export const CAMPAIGN_SETTING_RULES = {
  name: 'operator',
  deadline: 'operator',
  contact: 'operator',
  /** New purposes widen what the numbers may be used for. */
  purposes: 'administrator',
  /** The wording employees agree to in their language is a purpose too. */
  purposeTranslations: 'administrator',
  /** Employees typing their number collects more of it. */
  employeeEntersNumber: 'administrator',
  /** Skipping 身元確認 is the company's legal judgement (番号法施行規則 3条5項). */
  identityByEmployment: 'administrator',
  /** The sweeper deletes drafts sooner. */
  draftLifetimeHours: 'administrator-to-shorten',
  /** The retention job destroys submitted documents sooner (after a grace period). */
  retentionMonths: 'administrator-to-shorten',
} as const satisfies Record<keyof CampaignRequest, SettingRule>

/** Actions on a campaign and the role each needs. Creating sets values where nothing exists yet to destroy. */
export const CAMPAIGN_ACTION_ROLES = {
  create: 'operator',
  /** Purges every unfinished draft. */
  close: 'administrator',
  /** Until it is disposed of: employees can send again. */
  reopen: 'administrator',
  dispose: 'administrator',
  /** The retention dry run, pending retention shortenings and the disposal records. */
  reviewDisposal: 'administrator',
  undoRetentionShortening: 'administrator',
} as const satisfies Record<string, CompanyRole>

/** Days between an administrator shortening the retention period and the first disposal it causes. */
export const RETENTION_SHORTENING_GRACE_DAYS = 7

export type SettingKey = keyof CampaignRequest
export interface SettingChange<K extends SettingKey = SettingKey> {
  key: K
  from: CampaignRequest[K]
  to: CampaignRequest[K]
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b)

/** Every setting whose value differs, in the table's order. */
export function changedSettings(before: CampaignRequest, after: CampaignRequest): SettingChange[] {
  return (Object.keys(CAMPAIGN_SETTING_RULES) as SettingKey[])
    .filter((key) => !same(before[key], after[key]))
    .map((key) => ({ key, from: before[key], to: after[key] }) as SettingChange)
}

/** The role one change needs. */
export function roleForChange(change: SettingChange): CompanyRole {
  const rule: SettingRule = CAMPAIGN_SETTING_RULES[change.key]
  if (rule === 'administrator-to-shorten') return Number(change.to) < Number(change.from) ? 'administrator' : 'operator'
  return rule
}

/** Whether `role` may make every one of `changes`; the ones it may not, otherwise. */
export function changesBeyondRole(changes: readonly SettingChange[], role: CompanyRole): SettingChange[] {
  return role === 'administrator' ? [] : changes.filter((change) => roleForChange(change) === 'administrator')
}

/** What HR records about one employee (ADR 049). */
export const EMPLOYEE_SETTING_RULES = {
  /** 退職日: a first date or a later one keeps documents longer; an earlier one, or none, may end retention sooner. */
  leftOn: 'administrator-to-shorten',
} as const satisfies Record<keyof LeftOnRequest, SettingRule>

/** The role a change of the 退職日 needs (ISO dates compare as text; none is the earliest). */
export function roleForLeftOnChange(from: string | null, to: string | null): CompanyRole {
  const rule: SettingRule = EMPLOYEE_SETTING_RULES.leftOn
  if (rule === 'administrator-to-shorten') return from !== null && (to === null || to < from) ? 'administrator' : 'operator'
  return rule
}

/** Installation-wide settings (one row): each is the system administrator's alone. */
export const INSTALLATION_SETTING_RULES = {
  /** Off lets password-only sessions into the console. */
  requireTotp: 'system-administrator',
  /** A wider list lets the console be reached from more networks. */
  allowedNetworks: 'system-administrator',
} as const satisfies Record<keyof Settings | keyof NetworkSettingsRequest, 'system-administrator'>

/** A company's own settings: its administrators' (and the system administrator's). */
export const COMPANY_SETTING_RULES = {
  /** A wider list lets the company's data be reached from more networks. */
  allowedNetworks: 'administrator',
  /** One operator's confirmation instead of a second operator's typing records a number. */
  acceptNumberAgreement: 'administrator',
} as const satisfies Record<keyof CompanySettingsRequest, CompanyRole>
