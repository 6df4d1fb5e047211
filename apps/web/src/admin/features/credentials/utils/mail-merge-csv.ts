/**
 * The mail-merge CSV made in the browser from an issue's answer (the server never stores
 * passwords). The CSV writing itself is shared with the API's payroll export
 * (`@bango/shared/csv`: RFC 4180, UTF-8 with BOM, Shift_JIS).
 */
import type { IssuedCredential } from '@bango/shared/admin-credentials'
import { csvLine } from '@bango/shared/csv'

export const MAIL_MERGE_COLUMNS = ['社員番号', '氏名', 'フリガナ', 'メールアドレス', 'ログインURL', 'パスワード'] as const

export function mailMergeCsv(credentials: readonly IssuedCredential[]): string {
  const rows = credentials.map((c) => [c.employeeNumber ?? '', c.name, c.kana, c.email ?? '', c.url, c.password])
  return [MAIL_MERGE_COLUMNS, ...rows].map(csvLine).join('')
}
