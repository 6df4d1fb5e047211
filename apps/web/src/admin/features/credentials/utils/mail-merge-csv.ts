/**
 * The mail-merge CSV made in the browser from an issue's answer (the server never stores
 * passwords). Excel opens UTF-8 only with a BOM; older tools want Shift_JIS.
 * @see https://www.rfc-editor.org/rfc/rfc4180 quoting and CRLF line ends
 */
import type { IssuedCredential } from '@bango/shared/admin-credentials'
import Encoding from 'encoding-japanese'

export const MAIL_MERGE_COLUMNS = ['社員番号', '氏名', 'フリガナ', 'メールアドレス', 'ログインURL', 'パスワード'] as const

/** RFC 4180: quote a field holding a comma, quote, CR or LF; double the quotes inside. */
export const csvField = (value: string) => (/[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value)

export function mailMergeCsv(credentials: readonly IssuedCredential[]): string {
  const rows = credentials.map((c) => [c.employeeNumber ?? '', c.name, c.kana, c.email ?? '', c.url, c.password])
  return [MAIL_MERGE_COLUMNS, ...rows].map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n'
}

const BOM = [0xef, 0xbb, 0xbf]

export function encodeUtf8WithBom(text: string): Uint8Array {
  const body = new TextEncoder().encode(text)
  const bytes = new Uint8Array(BOM.length + body.length)
  bytes.set(BOM)
  bytes.set(body, BOM.length)
  return bytes
}

/**
 * Shift_JIS as Windows writes it (CP932: 髙, ①… included). Characters it lacks (𠮷, emoji)
 * become '?' — `lossy` says so, and the screen then points to the UTF-8 file.
 */
export function encodeShiftJis(text: string): { bytes: Uint8Array; lossy: boolean } {
  const bytes = Uint8Array.from(Encoding.convert(Encoding.stringToCode(text), { to: 'SJIS', from: 'UNICODE' }))
  const lossy = Encoding.codeToString(Encoding.convert(bytes, { to: 'UNICODE', from: 'SJIS' })) !== text
  return { bytes, lossy }
}
