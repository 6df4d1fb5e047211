/**
 * CSV import of employees and dependents: one row per person, dependents pointing at their
 * employee by 社員番号. Headers as Japanese HR systems export them.
 */
import { z } from 'zod'

/** 郵便番号 and 住所 (optional, employees only): the postal kit is then laid out for a window envelope. */
export const IMPORT_COLUMNS = ['社員番号', '氏名', 'フリガナ', '生年月日', '続柄', 'メールアドレス', '扶養者の社員番号', '郵便番号', '住所'] as const
export type ImportColumn = (typeof IMPORT_COLUMNS)[number]

/** The most rows one file may hold. */
export const IMPORT_MAX_ROWS = 200_000
export const IMPORT_MAX_BYTES = 50 * 1024 * 1024
/**
 * The longest record (one person's row, quoted line breaks included) in characters. A real row
 * is at most about 600 (every column at its length limit); without a cap, one 45 MB "line" was
 * read whole into memory before any check could refuse it.
 */
export const IMPORT_MAX_LINE_CHARS = 2_000
/** Imports and previews one operator may send per minute (a preview and its import are two). */
export const IMPORT_PER_MINUTE = 10

/**
 * One problem in the file: the physical line it starts on (header = 1; 0 = the file as a whole,
 * e.g. empty or not decodable), the column (null: the whole row), and why, in Japanese for HR.
 */
export const importErrorSchema = z.object({
  line: z.number().int(),
  column: z.string().nullable(),
  message: z.string(),
})
export type ImportError = z.infer<typeof importErrorSchema>

export const importSummarySchema = z.object({
  encoding: z.enum(['utf-8', 'shift_jis']),
  rows: z.number().int(),
  employees: z.object({ new: z.number().int(), changed: z.number().int(), unchanged: z.number().int() }),
  dependents: z.object({ new: z.number().int(), changed: z.number().int(), unchanged: z.number().int() }),
})

/**
 * The answer to a preview (`?dryRun=true`) and to an import. `errors` non-empty means
 * nothing was (or would be) imported; at most `IMPORT_ERROR_LIMIT` are listed.
 */
export const importResponseSchema = z.object({
  applied: z.boolean(),
  summary: importSummarySchema.nullable(),
  errors: z.array(importErrorSchema),
  /** Total errors found, when more than were listed. */
  errorCount: z.number().int(),
})
export type ImportResponse = z.infer<typeof importResponseSchema>
export const IMPORT_ERROR_LIMIT = 500
