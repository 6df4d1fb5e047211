/**
 * What is wrong with a value a person typed, as a stable code rather than prose: the shared
 * schemas give these codes as their zod messages, the API's VALIDATION details carry them, and
 * each SPA words them for its reader — the employee's in every language
 * (apps/web/src/messages/*.ts `fieldErrors`), the HR console in Japanese.
 */
import type { z } from 'zod'

export const FIELD_ERROR_CODES = [
  /** Nothing typed (blanks only). */
  'required',
  /** Longer than the field takes. */
  'too_long',
  /** A control or invisible character (text.ts). */
  'control_character',
  /** フリガナ in anything but 全角カタカナ. */
  'kana_katakana',
  /** 生年月日 not a date, before 1900 or in the future. */
  'birth_date',
  /** 続柄 not one of the dependent relationships (relationships.ts). */
  'relationship',
  /** 個人番号 not 12 digits with a valid check digit. */
  'my_number',
  /** Any other rule: the value is not what the field takes. */
  'invalid',
] as const
export type FieldErrorCode = (typeof FIELD_ERROR_CODES)[number]

/** A schema's message: the code, checked by the compiler. */
export const fieldError = (code: FieldErrorCode): string => code

export const isFieldErrorCode = (value: unknown): value is FieldErrorCode => (FIELD_ERROR_CODES as readonly unknown[]).includes(value)

/** One refused field of a VALIDATION answer: `message` is a note for developers, `code` what the reader is told. */
export interface ValidationDetail {
  path: string
  code: FieldErrorCode
  message: string
}

/** The code of a zod issue: the schema's own where it gives one, else by the kind of issue. */
export function fieldErrorCode(issue: z.core.$ZodIssue): FieldErrorCode {
  if (isFieldErrorCode(issue.message)) return issue.message
  if (issue.code === 'too_small' && issue.origin === 'string' && Number(issue.minimum) <= 1) return 'required'
  if (issue.code === 'too_big' && issue.origin === 'string') return 'too_long'
  return 'invalid'
}
