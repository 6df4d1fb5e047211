/**
 * Form validation with the shared zod schemas: issues become one Japanese message per
 * field (zod's own messages are English; the shared rules' are codes, worded in
 * messages/errors.ts), and the first invalid field gets the focus.
 */
import { isFieldErrorCode } from '@bango/shared/field-errors'
import type { z } from 'zod'
import { fieldErrorTexts } from '../messages/errors.ts'
import { common } from '../messages/ja.ts'
import { AdminApiError } from './api-client.ts'

export type FieldErrors = Record<string, string>

function messageOf(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'too_small':
      if (issue.origin === 'string') return Number(issue.minimum) <= 1 ? common.required : common.minLength(Number(issue.minimum))
      if (issue.origin === 'array') return common.required
      return common.minNumber(Number(issue.minimum))
    case 'too_big':
      return issue.origin === 'string' ? common.maxLength(Number(issue.maximum)) : common.maxNumber(Number(issue.maximum))
    case 'invalid_format':
      if (issue.format === 'email') return common.email
      if (issue.format === 'date') return common.date
      if (isFieldErrorCode(issue.message)) return fieldErrorTexts[issue.message]
      // The console's own schemas carry Japanese messages for the formats HR meets (e.g. the TOTP code).
      return /[\u3040-\u30ff\u4e00-\u9fff]/.test(issue.message) ? issue.message : common.checkField
    case 'invalid_type':
      return issue.expected === 'number' ? common.wholeNumber : common.checkField
    default:
      return isFieldErrorCode(issue.message) ? fieldErrorTexts[issue.message] : common.checkField
  }
}

const valueAt = (values: unknown, path: readonly PropertyKey[]) =>
  path.reduce<unknown>((value, key) => (typeof value === 'object' && value !== null ? (value as Record<PropertyKey, unknown>)[key] : undefined), values)

/**
 * Field name → message; a nested path (purposes.2) keeps its full dotted name. A blank text
 * field reads 入力してください whatever rule it broke first (an empty e-mail is not "malformed").
 */
export function fieldErrors(issues: readonly z.core.$ZodIssue[], values?: unknown): FieldErrors {
  const errors: FieldErrors = {}
  for (const issue of issues) {
    const name = issue.path.join('.') || 'form'
    const value = valueAt(values, issue.path)
    errors[name] ??= typeof value === 'string' && value.trim() === '' ? common.required : messageOf(issue)
  }
  return errors
}

export type Validated<T> = { ok: true; data: T } | { ok: false; errors: FieldErrors }

export function validate<T>(schema: z.ZodType<T>, values: unknown): Validated<T> {
  const parsed = schema.safeParse(values)
  return parsed.success ? { ok: true, data: parsed.data } : { ok: false, errors: fieldErrors(parsed.error.issues, values) }
}

/** The server's VALIDATION details (`[{ path, code, message }]`) as field marks, worded by code. */
export function serverFieldErrors(error: unknown): FieldErrors {
  if (!(error instanceof AdminApiError) || error.code !== 'VALIDATION' || !Array.isArray(error.details)) return {}
  const errors: FieldErrors = {}
  for (const detail of error.details as unknown[]) {
    if (typeof detail === 'object' && detail !== null && 'path' in detail && typeof detail.path === 'string' && detail.path) {
      errors[detail.path] ??= 'code' in detail && isFieldErrorCode(detail.code) ? fieldErrorTexts[detail.code] : common.checkField
    }
  }
  return errors
}

/** Moves the focus to the first field named in `errors`, in the form's order. */
export function focusFirstError(form: HTMLFormElement | null, errors: FieldErrors) {
  if (!form) return
  const first = Array.from(form.elements).find(
    (element): element is HTMLElement => element instanceof HTMLElement && 'name' in element && (element as HTMLInputElement).name in errors,
  )
  first?.focus()
}
