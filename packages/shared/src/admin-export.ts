/**
 * Export for payroll (console part 2): approved, not disposed persons of a campaign as CSV
 * (`GET …/exports/payroll.csv?encoding=`), their submitted images as a ZIP with a manifest
 * (`GET …/exports/documents.zip`). Administrators, or operators allowed to export.
 */
import { z } from 'zod'

export const PAYROLL_CSV_ENCODINGS = ['utf-8', 'shift_jis'] as const
export const payrollCsvQuerySchema = z.object({ encoding: z.enum(PAYROLL_CSV_ENCODINGS).default('utf-8') })
export type PayrollCsvEncoding = (typeof PAYROLL_CSV_ENCODINGS)[number]

export const PAYROLL_CSV_COLUMNS = ['社員番号', '氏名', 'フリガナ', '生年月日', '続柄', '個人番号', '番号確認書類', '身元確認書類', '承認日'] as const

/** Shift_JIS only: how many characters became '?' (the UTF-8 file keeps them). */
export const LOSSY_CHARACTERS_HEADER = 'x-bango-lossy-characters'

export const DOCUMENTS_MANIFEST_COLUMNS = ['パス', '社員番号', '氏名', '続柄', '書類', '面', '承認日', 'SHA-256'] as const
export const DOCUMENTS_MANIFEST_NAME = 'manifest.csv'
