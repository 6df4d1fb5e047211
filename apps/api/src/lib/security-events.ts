/**
 * The names of security events in the log (`event` field), the same everywhere so that an alert
 * can match them: failed and locked sign-ins (employee and admin), refused authorization,
 * refused uploads, and reads of the most sensitive data (an image, a revealed number, an export).
 * Refusals are named from their error code by the one error handler; reads by their routes.
 * @see https://cheatsheetseries.owasp.org/cheatsheets/Logging_Vocabulary_Cheat_Sheet.html
 */
import type { ErrorCode } from '@bango/shared/errors'

export const SECURITY_EVENTS = ['authn_login_fail', 'authn_login_lock', 'authz_fail', 'upload_validation', 'sensitive_read'] as const
export type SecurityEvent = (typeof SECURITY_EVENTS)[number]

/** The upload route: a VALIDATION refusal there is a refused upload. */
const UPLOAD_ROUTE = '/api/employee/persons/:personId/images'

/** The event a refusal (an AppError answered 4xx) stands for, or null for an ordinary one. */
export function refusalEvent(code: ErrorCode, status: number, route: string | undefined): SecurityEvent | null {
  switch (code) {
    case 'INVALID_CREDENTIALS':
    case 'TOTP_INVALID':
    case 'ONE_TIME_PASSWORD_EXPIRED':
      return 'authn_login_fail'
    case 'CREDENTIAL_LOCKED':
    case 'ACCOUNT_LOCKED':
      return 'authn_login_lock'
    case 'UNSUPPORTED_IMAGE':
    case 'FILE_TOO_LARGE':
      return 'upload_validation'
    case 'VALIDATION':
      return route === UPLOAD_ROUTE ? 'upload_validation' : null
    default:
      return status === 401 || status === 403 ? 'authz_fail' : null
  }
}

/** What a sensitive read logs: the kind of data and ids only, never the data. */
export type SensitiveRead =
  | { resource: 'document_image'; documentId: string }
  /** The employee's own draft image, shown back small when the wizard resumes. */
  | { resource: 'draft_thumbnail'; documentId: string }
  | { resource: 'number_reveal' | 'number_ocr'; personId: string }
  | { resource: 'payroll_csv' | 'payroll_xlsx' | 'documents_zip'; campaignId: string }

/** Logs a sensitive read once it succeeded (the audit log keeps who read what; this is for alerting). */
export function logSensitiveRead(request: { log: { info(fields: object, message: string): void } }, read: SensitiveRead) {
  request.log.info({ event: 'sensitive_read' satisfies SecurityEvent, ...read }, 'sensitive read')
}
