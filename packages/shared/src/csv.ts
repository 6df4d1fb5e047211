/**
 * CSV as Japanese HR opens it: RFC 4180 fields, CRLF, UTF-8 with a BOM (Excel opens UTF-8
 * only with one) or Shift_JIS (CP932) for older payroll tools. Used by the console (mail-merge
 * CSV made in the browser) and the API (payroll export).
 * @see https://www.rfc-editor.org/rfc/rfc4180 quoting and CRLF line ends
 */
import Encoding from 'encoding-japanese'

/** RFC 4180: quote a field holding a comma, quote, CR or LF; double the quotes inside. */
export const csvField = (value: string) => (/[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value)

/** One record, CRLF-terminated. */
export const csvLine = (cells: readonly string[]) => `${cells.map(csvField).join(',')}\r\n`

const BOM = [0xef, 0xbb, 0xbf]

export function encodeUtf8WithBom(text: string): Uint8Array {
  const body = new TextEncoder().encode(text)
  const bytes = new Uint8Array(BOM.length + body.length)
  bytes.set(BOM)
  bytes.set(body, BOM.length)
  return bytes
}

const toSjis = (text: string) => Encoding.convert(Encoding.stringToCode(text), { to: 'SJIS', from: 'UNICODE' })
const fromSjis = (codes: number[] | Uint8Array) => Encoding.codeToString(Encoding.convert(codes, { to: 'UNICODE', from: 'SJIS' }))

/** How many characters (code points) of `text` Shift_JIS cannot hold. */
function lossyCount(text: string): number {
  const seen = new Map<string, boolean>()
  let count = 0
  for (const char of text) {
    let lost = seen.get(char)
    if (lost === undefined) {
      lost = fromSjis(toSjis(char)) !== char
      seen.set(char, lost)
    }
    if (lost) count += 1
  }
  return count
}

/**
 * Shift_JIS as Windows writes it (CP932: 髙, ①… included). Characters it lacks (𠮷, emoji)
 * become '?' — `lossy`/`lossyCharacters` say so, and the screen then points to the UTF-8 file.
 */
export function encodeShiftJis(text: string): { bytes: Uint8Array; lossy: boolean; lossyCharacters: number } {
  const bytes = Uint8Array.from(toSjis(text))
  const lossy = fromSjis(bytes) !== text
  return { bytes, lossy, lossyCharacters: lossy ? lossyCount(text) : 0 }
}
