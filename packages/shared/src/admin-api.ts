/**
 * Request and response shapes of the admin API (`/api/admin/*`): sign-in, the operator's
 * own account, operator accounts, companies and campaigns. Import, credentials and the
 * dashboard have their own files (admin-import.ts, admin-credentials.ts, admin-dashboard.ts).
 */
import { z } from 'zod'
import { purposeTranslationsSchema } from './purposes.ts'
import { plainText } from './text.ts'

/** Header carrying the session's CSRF token on every unsafe request. */
export const CSRF_HEADER = 'x-csrf-token'

export const ADMIN_LIMITS = {
  maxFailedLogins: 5,
  lockoutMinutes: 15,
  idleMinutes: 30,
  absoluteHours: 12,
  minPasswordLength: 12,
  /** A one-time password (new account, administrator's reset) stops working this long after it was issued. */
  oneTimePasswordHours: 72,
  /** Recovery codes issued with TOTP enrolment, each usable once instead of a code. */
  recoveryCodes: 10,
} as const

export const emailSchema = z.string().trim().toLowerCase().max(254).pipe(z.email())

export const adminLoginRequestSchema = z.object({
  email: emailSchema,
  password: z.string().min(1).max(200),
})

export const totpCodeSchema = z
  .string()
  .trim()
  .regex(/^\d{6}$/, '6 桁の数字を入力してください')
export const totpVerifyRequestSchema = z.object({ code: totpCodeSchema })
/** Switching 2FA off takes both factors: whoever holds a stolen session alone cannot. */
export const totpDisableRequestSchema = z.object({ currentPassword: z.string().min(1).max(200), code: totpCodeSchema })
export type TotpDisableRequest = z.infer<typeof totpDisableRequestSchema>

export const newPasswordSchema = z.string().min(ADMIN_LIMITS.minPasswordLength).max(200)
export const passwordChangeRequestSchema = z.object({
  currentPassword: z.string().min(1).max(200),
  newPassword: newPasswordSchema,
})

export const companyRoleSchema = z.enum(['administrator', 'operator'])
export type CompanyRole = z.infer<typeof companyRoleSchema>

/**
 * What a session may do next. Only `active` reaches the console; the others open just the
 * step they name (the second factor, TOTP enrolment when it is required, a new password).
 */
export const adminSessionStageSchema = z.enum(['totp_required', 'enrolment_required', 'password_change_required', 'active'])
export type AdminSessionStage = z.infer<typeof adminSessionStageSchema>

export const adminSessionResponseSchema = z.object({
  stage: adminSessionStageSchema,
  csrfToken: z.string(),
  operator: z.object({
    id: z.uuid(),
    email: z.string(),
    name: z.string(),
    isSystemAdmin: z.boolean(),
    totpEnabled: z.boolean(),
  }),
  /** `canExport`: may download the payroll exports (administrators, or operators allowed to). */
  companies: z.array(z.object({ id: z.uuid(), name: z.string(), role: companyRoleSchema, canExport: z.boolean() })),
  /** Absolute end of the session; the idle timeout comes first when the console is left alone. */
  expiresAt: z.iso.datetime(),
})
export type AdminSessionResponse = z.infer<typeof adminSessionResponseSchema>

/** TOTP enrolment: the secret as text and as an otpauth:// URI (the SPA draws the QR code). */
export const totpEnrolmentResponseSchema = z.object({ secret: z.string(), uri: z.string() })

export const settingsSchema = z.object({ requireTotp: z.boolean() })
export type Settings = z.infer<typeof settingsSchema>

// Companies -------------------------------------------------------------------------------

export const companyRequestSchema = z.object({ name: plainText(100) })

export const companySchema = z.object({
  id: z.uuid(),
  name: z.string(),
  role: companyRoleSchema,
  createdAt: z.iso.datetime(),
})
export const companiesResponseSchema = z.object({ companies: z.array(companySchema) })
export type Company = z.infer<typeof companySchema>

// Operator accounts (administrators of the company, or a system administrator) -----------

export const operatorCreateRequestSchema = z.object({
  email: emailSchema,
  name: plainText(100),
  role: companyRoleSchema,
})

export const operatorUpdateRequestSchema = z
  .object({ role: companyRoleSchema, disabled: z.boolean(), unlock: z.literal(true), canExport: z.boolean() })
  .partial()
  .refine((value) => Object.keys(value).length > 0, '変更する項目がありません')

export const operatorSchema = z.object({
  id: z.uuid(),
  email: z.string(),
  name: z.string(),
  role: companyRoleSchema,
  /** 出力を許可: an operator an administrator allowed to export for payroll (always true for administrators). */
  canExport: z.boolean(),
  totpEnabled: z.boolean(),
  disabled: z.boolean(),
  lockedUntil: z.iso.datetime().nullable(),
  lastLoginAt: z.iso.datetime().nullable(),
})
export const operatorsResponseSchema = z.object({ operators: z.array(operatorSchema) })
export type OperatorAccount = z.infer<typeof operatorSchema>

/** A new account's one-time password: shown once, changed at the first sign-in. */
export const operatorCreatedResponseSchema = z.object({ operator: operatorSchema, oneTimePassword: z.string() })

// Campaigns (収集依頼) -------------------------------------------------------------------

export { DEFAULT_PURPOSES } from './purposes.ts'

export const campaignRequestSchema = z.object({
  name: plainText(100),
  purposes: z.array(plainText(200)).min(1).max(20),
  /** HR's wording of the purposes per employee language, index by index; none: the built-in or the Japanese (purposes.ts). */
  purposeTranslations: purposeTranslationsSchema,
  /** ISO date (the last day employees may submit), or null. */
  deadline: z.iso.date().nullable(),
  draftLifetimeHours: z
    .number()
    .int()
    .min(1)
    .max(24 * 14),
  retentionMonths: z
    .number()
    .int()
    .min(1)
    .max(12 * 20),
  employeeEntersNumber: z.boolean(),
  /** 身元確認 by the employment relationship (ADR 048): employees capture only the number document. */
  identityByEmployment: z.boolean(),
  /** 問い合わせ先 shown to employees (e.g. 人事部 山田 内線 1234), or null. */
  contact: plainText(200).nullable(),
})
export type CampaignRequest = z.infer<typeof campaignRequestSchema>

export const campaignStatusSchema = z.enum(['open', 'closed'])

export const campaignSchema = campaignRequestSchema.extend({
  id: z.uuid(),
  companyId: z.uuid(),
  status: campaignStatusSchema,
  createdAt: z.iso.datetime(),
  closedAt: z.iso.datetime().nullable(),
})
export type Campaign = z.infer<typeof campaignSchema>
/** 受付の再開: a closed campaign takes submissions again until the new deadline (or none). */
export const reopenCampaignRequestSchema = campaignRequestSchema.pick({ deadline: true })
export type ReopenCampaignRequest = z.infer<typeof reopenCampaignRequestSchema>
export const campaignsResponseSchema = z.object({ campaigns: z.array(campaignSchema) })
