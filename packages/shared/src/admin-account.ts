/**
 * Getting back into an operator account: re-authentication to enrol TOTP, the recovery codes
 * shown once at enrolment (each usable once instead of a code), and the administrator's reset
 * for an operator who lost the password or both factors. @see docs/decisions/031-operator-account-recovery.md
 */
import { z } from 'zod'
import { adminSessionResponseSchema, operatorSchema } from './admin-api.ts'

const currentPassword = z.string().min(1).max(200)

/** Enrolment rewrites the second factor: the password is asked again, so a stolen session alone cannot. */
export const totpEnrolmentRequestSchema = z.object({ currentPassword })
export type TotpEnrolmentRequest = z.infer<typeof totpEnrolmentRequestSchema>

/** 16 characters (no 0/O, 1/l/I), shown in groups of four; hyphens and spaces are ignored when typed. */
export const RECOVERY_CODE_LENGTH = 16
export const recoveryCodeSchema = z
  .string()
  .max(40)
  .transform((value) => value.replace(/[\s-]/g, ''))
  .pipe(z.string().regex(/^[A-Za-z0-9]{16}$/, '回復コードは 16 文字です'))
export const recoveryCodeRequestSchema = z.object({ code: recoveryCodeSchema })

/** The confirmed enrolment: the session as before, and the recovery codes, in this answer only. */
export const totpConfirmedResponseSchema = adminSessionResponseSchema.extend({ recoveryCodes: z.array(z.string()) })
export type TotpConfirmedResponse = z.infer<typeof totpConfirmedResponseSchema>

/** The administrator confirms with their own password: a stolen console session cannot take over an account. */
export const operatorResetRequestSchema = z.object({ currentPassword })
export type OperatorResetRequest = z.infer<typeof operatorResetRequestSchema>

/** A new one-time password (shown once, expiring), the operator's TOTP and recovery codes gone, their sessions ended. */
export const operatorResetResponseSchema = z.object({ operator: operatorSchema, oneTimePassword: z.string(), expiresAt: z.iso.datetime() })
export type OperatorResetResponse = z.infer<typeof operatorResetResponseSchema>
