/** An API call that failed, with the employee's text for it; apart from the client so the login screen can catch it without loading the client. */
import type { ErrorCode } from '@bango/shared/errors'
import type { FieldErrorCode } from '@bango/shared/field-errors'

export type ApiErrorCode = ErrorCode | 'NETWORK' | 'UNEXPECTED'

/** A VALIDATION answer's refused fields: path → the code of what is wrong, for the screen to word. */
export type FieldCodes = Readonly<Record<string, FieldErrorCode>>

export class ApiError extends Error {
  readonly status: number
  readonly code: ApiErrorCode
  readonly fields: FieldCodes
  constructor(status: number, code: ApiErrorCode, message: string, fields: FieldCodes = {}) {
    super(message)
    this.name = 'ApiError'
    this.status = status
    this.code = code
    this.fields = fields
  }
}
