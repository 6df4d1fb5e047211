import type { ErrorCode } from '@bango/shared/errors'

/** HTTP status of each error code; the one place that decides it. */
const STATUS: Record<ErrorCode, number> = {
  VALIDATION: 400,
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  HANDOFF_INVALID: 401,
  CONSENT_REQUIRED: 403,
  NOT_FOUND: 404,
  ALREADY_SUBMITTED: 409,
  PERSON_REGISTERED: 409,
  PERSON_NOT_APPLICABLE: 409,
  NOT_READY_TO_SUBMIT: 409,
  PURPOSES_CHANGED: 409,
  CAMPAIGN_CLOSED: 409,
  FILE_TOO_LARGE: 413,
  UNSUPPORTED_IMAGE: 415,
  REGISTRATION_INVALID: 422,
  CREDENTIAL_LOCKED: 423,
  RATE_LIMITED: 429,
  SERVER_BUSY: 503,
  TOO_MANY_DEPENDENTS: 409,
  FORBIDDEN: 403,
  CSRF_INVALID: 403,
  SESSION_STEP_REQUIRED: 403,
  TOTP_INVALID: 401,
  ACCOUNT_LOCKED: 423,
  ONE_TIME_PASSWORD_EXPIRED: 401,
  CONFLICT: 409,
  IMPORT_INVALID: 422,
  EMAIL_NOT_CONFIGURED: 409,
  NUMBER_MISMATCH: 422,
  CAMPAIGN_OPEN: 409,
  CAMPAIGN_DISPOSED: 409,
  CREDENTIAL_BATCH_ENDED: 409,
  NOTHING_TO_SEND: 409,
  PERSON_DISPOSED: 409,
  RETENTION_WITHIN_GRACE: 422,
  SESSION_RECEIPT_ONLY: 403,
  NETWORK_NOT_ALLOWED: 403,
  NETWORK_EXCLUDES_CALLER: 422,
  INTERNAL: 500,
}

/**
 * A short note for developers and logs. Users never read it: each SPA chooses its own text
 * from the code (apps/web/src/messages/ja.ts for employees, admin/messages/errors.ts for HR).
 */
const MESSAGES: Record<ErrorCode, string> = {
  VALIDATION: 'Invalid request.',
  UNAUTHENTICATED: 'Not signed in, or the session expired.',
  INVALID_CREDENTIALS: 'Wrong token, e-mail or password.',
  HANDOFF_INVALID: 'Handoff code unknown, used or expired.',
  CREDENTIAL_LOCKED: 'Credential locked after repeated wrong passwords.',
  CONSENT_REQUIRED: 'Consent to the purposes of use is required first.',
  NOT_FOUND: 'Not found.',
  ALREADY_SUBMITTED: 'Already submitted.',
  PERSON_REGISTERED: 'Person already registered.',
  PERSON_NOT_APPLICABLE: 'Person marked as not applicable.',
  REGISTRATION_INVALID: 'Required document images are missing.',
  NOT_READY_TO_SUBMIT: 'Every person must be registered or not applicable.',
  PURPOSES_CHANGED: 'The purposes of use changed since they were shown.',
  CAMPAIGN_CLOSED: 'Campaign closed.',
  FILE_TOO_LARGE: 'File too large.',
  UNSUPPORTED_IMAGE: 'Not a supported image.',
  RATE_LIMITED: 'Too many requests.',
  FORBIDDEN: 'This role may not do this.',
  CSRF_INVALID: 'Missing or wrong CSRF token.',
  SESSION_STEP_REQUIRED: 'Finish signing in first (second factor, enrolment or new password).',
  TOTP_INVALID: 'Wrong or expired one-time code.',
  ACCOUNT_LOCKED: 'Account locked after repeated failed sign-ins.',
  ONE_TIME_PASSWORD_EXPIRED: 'The one-time password expired; ask an administrator for a new one.',
  CONFLICT: 'Conflicts with an existing record.',
  IMPORT_INVALID: 'The file has errors; nothing was imported.',
  EMAIL_NOT_CONFIGURED: 'E-mail is not configured (SMTP_URL).',
  TOO_MANY_DEPENDENTS: 'The employee already has the maximum number of dependents.',
  NUMBER_MISMATCH: 'The two entries of the number differ; both were discarded.',
  CAMPAIGN_OPEN: 'Close the campaign first.',
  CAMPAIGN_DISPOSED: 'The campaign was disposed of: it cannot be reopened.',
  CREDENTIAL_BATCH_ENDED: 'This credential batch was already distributed, cancelled or expired.',
  NOTHING_TO_SEND: 'Nobody to send to.',
  PERSON_DISPOSED: 'The person was disposed of: no review or number any more.',
  RETENTION_WITHIN_GRACE: 'The change would end the retention period within the grace period.',
  SESSION_RECEIPT_ONLY: 'This session submitted (完了): it may only read the receipt, refresh or log out.',
  SERVER_BUSY: 'Too many images in processing; retry shortly.',
  NETWORK_NOT_ALLOWED: 'Not reachable from this address (network allow-list).',
  NETWORK_EXCLUDES_CALLER: 'The allow-list would exclude your own address; add it first.',
  INTERNAL: 'Internal error.',
}

export class AppError extends Error {
  readonly code: ErrorCode
  readonly statusCode: number
  readonly details: unknown

  constructor(code: ErrorCode, options: { message?: string; details?: unknown; cause?: unknown } = {}) {
    super(options.message ?? MESSAGES[code], { cause: options.cause })
    this.name = 'AppError'
    this.code = code
    this.statusCode = STATUS[code]
    this.details = options.details
  }
}
