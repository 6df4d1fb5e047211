/**
 * Employee credentials from the console: issuing (URL + password, shown only once), the
 * mail-merge CSV and postal kit made from an issue's answer, and e-mail batches.
 */
import { z } from 'zod'

/** Without `employeeIds`: every employee of the campaign who has no credential yet. */
export const issueCredentialsRequestSchema = z.object({
  employeeIds: z.array(z.uuid()).min(1).max(100_000).optional(),
})

export const issuedCredentialSchema = z.object({
  employeeId: z.uuid(),
  employeeNumber: z.string().nullable(),
  name: z.string(),
  kana: z.string(),
  email: z.string().nullable(),
  /** The absolute login URL, token included. */
  url: z.string(),
  password: z.string(),
})
export type IssuedCredential = z.infer<typeof issuedCredentialSchema>

export const issueCredentialsResponseSchema = z.object({
  companyName: z.string(),
  campaignName: z.string(),
  issuedAt: z.iso.datetime(),
  credentials: z.array(issuedCredentialSchema),
})
export type IssueCredentialsResponse = z.infer<typeof issueCredentialsResponseSchema>

/** The SPA reports each file it made from an issue's answer, for the audit log. */
export const credentialExportRequestSchema = z.object({
  format: z.enum(['mail_merge_utf8', 'mail_merge_sjis', 'postal_kit']),
  employeeIds: z.array(z.uuid()).min(1).max(100_000),
})

export const emailKindSchema = z.enum(['credentials', 'reminder'])

/**
 * credentials: issue (re-issue) and e-mail the URL + password — to `employeeIds`, or to every
 * employee with an address and no credential yet. reminder: every employee with an address
 * who has not reached 完了; it carries no credentials.
 */
export const emailBatchRequestSchema = z.object({
  kind: emailKindSchema,
  employeeIds: z.array(z.uuid()).min(1).max(100_000).optional(),
})

export const emailBatchSchema = z.object({
  id: z.uuid(),
  kind: emailKindSchema,
  createdAt: z.iso.datetime(),
  finishedAt: z.iso.datetime().nullable(),
  counts: z.object({
    pending: z.number().int(),
    sending: z.number().int(),
    sent: z.number().int(),
    failed: z.number().int(),
    /** Interrupted mid-send by a crash: maybe delivered, never resent automatically. */
    unknown: z.number().int(),
  }),
})
export type EmailBatch = z.infer<typeof emailBatchSchema>
export const emailBatchesResponseSchema = z.object({
  /** false when SMTP_URL is not set: the e-mail actions are shown as not configured. */
  configured: z.boolean(),
  batches: z.array(emailBatchSchema),
})
