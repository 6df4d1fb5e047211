/**
 * Every CSV Bango writes, in one list: the API's payroll export, the ZIP's manifest, the audit
 * log and the import template, and the mail-merge file the console makes in the browser. Lint
 * allows the writer (csv.ts) to be imported here only (ADR 032), so a new CSV is added here and
 * `CSV_FORMATS` walks it into the hostile-cell test (apps/api/test/hostile-csv.test.ts).
 */
import type { IssuedCredential } from './admin-credentials.ts'
import { AUDIT_CSV_HEADER } from './admin-audit.ts'
import { DOCUMENTS_MANIFEST_COLUMNS, PAYROLL_CSV_COLUMNS } from './admin-export.ts'
import { EMPLOYEE_STATUS_CSV_COLUMNS } from './admin-dashboard.ts'
import { DISPOSAL_RECORDS_CSV_COLUMNS } from './admin-disposal.ts'
import { ACCESS_REPORT_CSV_COLUMNS } from './admin-records.ts'
import { IMPORT_COLUMNS } from './admin-import.ts'
import { type CsvFormat, csvFormat } from './csv.ts'

export { readCsvField } from './csv.ts'

export type { CsvEncoding, CsvFile, CsvFormat, CsvRow } from './csv.ts'

export const PAYROLL_CSV = csvFormat('payroll', PAYROLL_CSV_COLUMNS, ['utf-8', 'shift_jis'])
/** The payroll file under the headers of a company's layout (admin-export.ts): the same format, HR's header names. */
export const payrollCsvFormat = (headers: readonly string[]): CsvFormat => csvFormat('payroll', headers, PAYROLL_CSV.encodings)
export const DOCUMENTS_MANIFEST_CSV = csvFormat('documents manifest', DOCUMENTS_MANIFEST_COLUMNS, ['utf-8'])
export const AUDIT_CSV = csvFormat('audit log', AUDIT_CSV_HEADER, ['utf-8'])
export const IMPORT_TEMPLATE_CSV = csvFormat('import template', IMPORT_COLUMNS, ['utf-8'])
export const EMPLOYEE_STATUS_CSV = csvFormat('employee statuses', EMPLOYEE_STATUS_CSV_COLUMNS, ['utf-8'])
export const DISPOSAL_RECORDS_CSV = csvFormat('disposal records', DISPOSAL_RECORDS_CSV_COLUMNS, ['utf-8'])
export const ACCESS_REPORT_CSV = csvFormat('access report', ACCESS_REPORT_CSV_COLUMNS, ['utf-8'])

export const MAIL_MERGE_COLUMNS = ['社員番号', '氏名', 'フリガナ', 'メールアドレス', 'ログインURL', 'パスワード'] as const
export const MAIL_MERGE_CSV = csvFormat('mail merge', MAIL_MERGE_COLUMNS, ['utf-8', 'shift_jis'])

/** The mail-merge records of an issue's answer (the server never stores passwords: the browser writes the file). */
export const mailMergeRows = (credentials: readonly IssuedCredential[]) =>
  credentials.map((c) => ({
    社員番号: c.employeeNumber ?? '',
    氏名: c.name,
    フリガナ: c.kana,
    メールアドレス: c.email ?? '',
    ログインURL: c.url,
    パスワード: c.password,
  }))

export const CSV_FORMATS: readonly CsvFormat[] = [
  PAYROLL_CSV,
  DOCUMENTS_MANIFEST_CSV,
  AUDIT_CSV,
  IMPORT_TEMPLATE_CSV,
  MAIL_MERGE_CSV,
  EMPLOYEE_STATUS_CSV,
  DISPOSAL_RECORDS_CSV,
  ACCESS_REPORT_CSV,
]
