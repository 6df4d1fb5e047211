/** Error codes the API returns as `{ error: { code, message } }`; the SPA reacts to some of them. */
export const ERROR_CODES = [
  'VALIDATION',
  'UNAUTHENTICATED',
  'INVALID_CREDENTIALS',
  'HANDOFF_INVALID',
  'CREDENTIAL_LOCKED',
  'CONSENT_REQUIRED',
  'NOT_FOUND',
  'ALREADY_SUBMITTED',
  'PERSON_REGISTERED',
  'PERSON_NOT_APPLICABLE',
  'REGISTRATION_INVALID',
  'NOT_READY_TO_SUBMIT',
  'PURPOSES_CHANGED',
  'FILE_TOO_LARGE',
  'UNSUPPORTED_IMAGE',
  'RATE_LIMITED',
  /** Too many images being processed: try again in a few seconds (503 + Retry-After). */
  'SERVER_BUSY',
  'CAMPAIGN_CLOSED',
  'TOO_MANY_DEPENDENTS',
  /** After 「完了」 this session may only show the receipt, refresh and log out; sign in again to change anything. */
  'SESSION_RECEIPT_ONLY',
  // Admin console
  'FORBIDDEN',
  'CSRF_INVALID',
  'SESSION_STEP_REQUIRED',
  'TOTP_INVALID',
  'ACCOUNT_LOCKED',
  /** The password was right but is a one-time password past its 72 hours: an administrator issues a new one. */
  'ONE_TIME_PASSWORD_EXPIRED',
  'CONFLICT',
  'IMPORT_INVALID',
  'EMAIL_NOT_CONFIGURED',
  'NUMBER_MISMATCH',
  /** Campaign disposal needs a closed campaign. */
  'CAMPAIGN_OPEN',
  /** The campaign was disposed of as a whole (廃棄): it cannot be reopened. */
  'CAMPAIGN_DISPOSED',
  /** The person was disposed of (廃棄): nothing is left to review or number. */
  'PERSON_DISPOSED',
  /** A changed 退職日 would end the household's retention within the grace period: nothing is destroyed sooner than that after a change (ADR 049). */
  'RETENTION_WITHIN_GRACE',
  /** An e-mail send that would reach nobody (everyone done, queued, or without an address). */
  'NOTHING_TO_SEND',
  /** The credential batch was already distributed, cancelled or expired (ADR 039). */
  'CREDENTIAL_BATCH_ENDED',
  /** The console (or this company's data) is open only from the addresses on its allow-list. */
  'NETWORK_NOT_ALLOWED',
  /** An allow-list that leaves out the caller's own address would shut them out: refused. */
  'NETWORK_EXCLUDES_CALLER',
  'INTERNAL',
] as const
export type ErrorCode = (typeof ERROR_CODES)[number]

export interface ErrorBody {
  /** `requestId`: the X-Request-Id of the answer, to find the server's log lines. */
  error: { code: ErrorCode; message: string; details?: unknown; requestId?: string }
}
