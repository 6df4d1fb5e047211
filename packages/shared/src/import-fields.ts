/**
 * One cell of an import file at a time: each reader returns the stored value or the reason
 * (Japanese, for HR) it cannot be imported. Pure; shared by the API and the console.
 */
import { emailSchema } from './admin-api.ts'
import { IMPORT_MESSAGES as M } from './import-messages.ts'

export type FieldResult<T> = { ok: true; value: T } | { ok: false; message: string }
const ok = <T>(value: T): FieldResult<T> => ({ ok: true, value })
const fail = (message: string): FieldResult<never> => ({ ok: false, message })

const EMPLOYEE_NUMBER = /^[0-9A-Za-z_-]{1,20}$/
/** Full-width digits and letters (０１２３) are what many HR sheets hold: NFKC makes them ASCII. */
export function readEmployeeNumber(raw: string): FieldResult<string> {
  const value = raw.normalize('NFKC').trim()
  if (value === '') return fail(M.required)
  return EMPLOYEE_NUMBER.test(value) ? ok(value) : fail(M.employeeNumberFormat)
}

export function readText(raw: string, max: number): FieldResult<string> {
  const value = raw.trim()
  if (value === '') return fail(M.required)
  return value.length <= max ? ok(value) : fail(M.tooLong(max))
}

/** Katakana (ァ–ヿ, with ー and ・) separated by single spaces. */
const KATAKANA = /^[\u30A1-\u30FF]+(?: [\u30A1-\u30FF]+)*$/u
/**
 * NFKC turns 半角カナ into 全角 (ｶﾞ → ガ, composing the voiced mark) and the full-width
 * space into an ASCII one; runs of spaces collapse to one.
 */
export function readKana(raw: string, max = 100): FieldResult<string> {
  const value = raw.normalize('NFKC').replace(/\s+/gu, ' ').trim()
  if (value === '') return fail(M.required)
  if (value.length > max) return fail(M.tooLong(max))
  return KATAKANA.test(value) ? ok(value) : fail(M.kanaFormat)
}

const DATE = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$/
/**
 * `YYYY-MM-DD`, `YYYY/MM/DD` or `YYYY/M/D` → `YYYY-MM-DD`: a real calendar date from 1900 up
 * to `today` (the caller's date in Japan, `YYYY-MM-DD`).
 */
export function readBirthDate(raw: string, today: string): FieldResult<string> {
  const value = raw.normalize('NFKC').trim()
  if (value === '') return fail(M.required)
  const match = DATE.exec(value)
  if (!match) return fail(M.dateFormat)
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])]
  const date = new Date(Date.UTC(year, month - 1, day))
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return fail(M.dateInvalid)
  const iso = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
  if (year < 1900 || iso > today) return fail(M.dateRange)
  return ok(iso)
}

/** Empty → null (no address). */
/** 〒 7 digits, with or without the hyphen, full-width forgiven; stored as NNN-NNNN. Empty: none. */
export function readPostalCode(raw: string): FieldResult<string | null> {
  const value = raw
    .normalize('NFKC')
    .trim()
    .replace(/^〒\s*/u, '')
    .replace(/[‐－−ー]/gu, '-')
  if (value === '') return ok(null)
  const digits = /^(\d{3})-?(\d{4})$/.exec(value)
  return digits ? ok(`${digits[1]}-${digits[2]}`) : fail(M.postalCodeFormat)
}

export function readEmail(raw: string): FieldResult<string | null> {
  const value = raw.trim()
  if (value === '') return ok(null)
  const parsed = emailSchema.safeParse(value)
  return parsed.success ? ok(parsed.data) : fail(M.emailFormat)
}
