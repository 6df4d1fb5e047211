import type { z } from 'zod'
import { AppError } from '../errors.ts'

/** Parses untrusted input or throws a 400 naming the offending fields (never their values). */
export function parse<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input)
  if (result.success) return result.data
  const details = result.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }))
  throw new AppError('VALIDATION', { details })
}
