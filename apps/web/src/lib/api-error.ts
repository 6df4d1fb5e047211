/** An API call that failed, with the employee's text for it; apart from the client so the login screen can catch it without loading the client. */
import type { ErrorCode } from '@bango/shared/errors'

export type ApiErrorCode = ErrorCode | 'NETWORK' | 'UNEXPECTED'

export class ApiError extends Error {
  readonly status: number
  readonly code: ApiErrorCode
  constructor(status: number, code: ApiErrorCode, message: string) {
    super(message)
    this.name = 'ApiError'
    this.status = status
    this.code = code
  }
}
