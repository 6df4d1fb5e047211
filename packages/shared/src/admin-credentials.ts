/**
 * Employee credentials from the console: issuing (URL + password, shown only once), the
 * mail-merge CSV and postal kit made from an issue's answer, and e-mail batches.
 */
import { z } from 'zod'

/** Without `employeeIds`: every employee of the campaign who has no credential yet. */
export const issueCredentialsRequestSchema = z.object({
  employeeIds: z.array(z.uuid()).min(1).max(100_000).optional(),
})

/** Days an issued batch waits for 「配布しました」 before it ends without ever going live (ADR 039). */
export const CREDENTIAL_BATCH_DAYS = 7

export const issuedCredentialSchema = z.object({
  employeeId: z.uuid(),
  employeeNumber: z.string().nullable(),
  name: z.string(),
  kana: z.string(),
  email: z.string().nullable(),
  /** Where HR imported one: the kit is laid out for a window envelope (郵便番号 NNN-NNNN, 住所). */
  postal: z.object({ postalCode: z.string(), address: z.string() }).nullable(),
  /** The employee had a login: it keeps working until this batch is distributed. */
  reissue: z.boolean(),
  /** The absolute login URL, token included. */
  url: z.string(),
  password: z.string(),
})
export type IssuedCredential = z.infer<typeof issuedCredentialSchema>

/** The credentials of a new batch: not live until 「配布しました」 (`null` batch: nobody to issue to). */
export const issueCredentialsResponseSchema = z.object({
  batchId: z.uuid().nullable(),
  expiresAt: z.iso.datetime().nullable(),
  companyName: z.string(),
  campaignName: z.string(),
  /** The campaign's 提出期限 and 問い合わせ先, printed on the kit. */
  deadline: z.iso.datetime().nullable(),
  contact: z.string().nullable(),
  issuedAt: z.iso.datetime(),
  credentials: z.array(issuedCredentialSchema),
})
export type IssueCredentialsResponse = z.infer<typeof issueCredentialsResponseSchema>

export const credentialBatchSchema = z.object({
  id: z.uuid(),
  createdAt: z.iso.datetime(),
  expiresAt: z.iso.datetime(),
  /** The issuing operator's name (null: the account was deleted). */
  issuedBy: z.string().nullable(),
  count: z.number().int(),
})
export type CredentialBatch = z.infer<typeof credentialBatchSchema>
export const credentialBatchesResponseSchema = z.object({
  /** Employees with neither a login nor one waiting in an open batch: 「未発行の全員に発行する」's count. */
  unissued: z.number().int(),
  batches: z.array(credentialBatchSchema),
})
export type CredentialBatchesResponse = z.infer<typeof credentialBatchesResponseSchema>

/** 「配布しました」: how many logins went live, and who got a newer login meanwhile (left as it is). */
export const distributeCredentialsResponseSchema = z.object({
  live: z.number().int(),
  superseded: z.array(z.uuid()),
})
export type DistributeCredentialsResponse = z.infer<typeof distributeCredentialsResponseSchema>

/** The SPA reports each file it made from an issue's answer, for the audit log. */
export const credentialExportRequestSchema = z.object({
  format: z.enum(['mail_merge_utf8', 'mail_merge_sjis', 'postal_kit']),
  employeeIds: z.array(z.uuid()).min(1).max(100_000),
})

/** What HR sends by hand; a 差し戻し notice (`return_notice`) is sent by the 差し戻し itself. */
export const emailKindSchema = z.enum(['credentials', 'reminder'])
export const emailBatchKindSchema = z.enum(['credentials', 'reminder', 'return_notice'])

/**
 * credentials: issue and e-mail the URL + password — to `employeeIds`, or to every employee
 * with an address and no credential yet (nor one waiting on paper). reminder: every employee with an address
 * who has not reached 完了; it carries no credentials.
 */
export const emailBatchRequestSchema = z.object({
  kind: emailKindSchema,
  employeeIds: z.array(z.uuid()).min(1).max(100_000).optional(),
  /**
   * credentials to a selection: also mail those whose login was already handed out (their kit
   * or earlier e-mail then stops working). Never without this explicit choice.
   */
  reissue: z.boolean().optional(),
})
export type EmailBatchRequest = z.infer<typeof emailBatchRequestSchema>

/** Who a send would reach, shown before it: the console's confirmation (`…/email-batches/preview`). */
export const emailBatchPreviewSchema = z.object({
  kind: emailKindSchema,
  newCredentials: z.number().int(),
  reissues: z.number().int(),
  /** Have a login already, left out because `reissue` was not chosen. */
  reissuesLeftOut: z.number().int(),
  reminders: z.number().int(),
  /** Already waiting in the queue from an earlier send: not mailed twice. */
  alreadyQueued: z.number().int(),
  /** To be told on paper: no e-mail address. */
  withoutAddress: z.array(z.object({ employeeId: z.uuid(), employeeNumber: z.string().nullable(), name: z.string() })),
})
export type EmailBatchPreview = z.infer<typeof emailBatchPreviewSchema>

export const emailBatchSchema = z.object({
  id: z.uuid(),
  kind: emailBatchKindSchema,
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
