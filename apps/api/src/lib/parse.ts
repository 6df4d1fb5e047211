import { fieldErrorCode, type ValidationDetail } from '@bango/shared/field-errors'
import type { z } from 'zod'
import { AppError } from '../errors.ts'

/**
 * Parses untrusted input or throws a 400 naming the offending fields (never their values), each
 * with the code of what is wrong: the SPA words the code, the message is zod's note for developers.
 */
export function parse<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input)
  if (result.success) return result.data
  const details = result.error.issues.map((issue): ValidationDetail => ({ path: issue.path.join('.'), code: fieldErrorCode(issue), message: issue.message }))
  throw new AppError('VALIDATION', { details })
}
