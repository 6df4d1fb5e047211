/**
 * Text a person typed: no C0/C1 controls (PostgreSQL refuses NUL outright), no lone UTF-16
 * surrogate (not a character: JSON may carry `\ud800`, but PostgreSQL refuses it in text and
 * jsonb alike) and none of the invisible characters that change how a name reads on screen —
 * bidi overrides, line/paragraph separators, a stray BOM. Refusals are field-error codes
 * (field-errors.ts), worded by each SPA.
 */
import { z } from 'zod'
import { fieldError } from './field-errors.ts'

// With the u flag, \uD800-\uDFFF matches only surrogates that are not half of a pair (𠮷 passes).
// eslint-disable-next-line no-control-regex -- control characters are what it finds
const CONTROL = /[\u0000-\u001F\u007F-\u009F\u200E\u200F\u2028\u2029\u202A-\u202E\u2066-\u2069\uFEFF\uD800-\uDFFF]/u

export const hasControlCharacter = (value: string) => CONTROL.test(value)

/** A non-empty string of at most `max` characters, taken as sent (tokens, passwords, codes). */
export const rawText = (max: number) =>
  z
    .string()
    .min(1, fieldError('required'))
    .max(max, fieldError('too_long'))
    .refine((value) => !hasControlCharacter(value), fieldError('control_character'))

/** A trimmed, non-empty single line of at most `max` characters. */
export const plainText = (max: number) =>
  z
    .string()
    .trim()
    .min(1, fieldError('required'))
    .max(max, fieldError('too_long'))
    .refine((value) => !hasControlCharacter(value), fieldError('control_character'))
