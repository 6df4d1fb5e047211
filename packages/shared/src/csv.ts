/**
 * The one CSV writer. Every file Bango writes as CSV is a `CsvFormat` of csv-formats.ts, made by
 * `csvFormat` here, so a test can walk them all (apps/api/test/hostile-csv.test.ts) and lint keeps
 * CSV from being written anywhere else (ADR 032). CSV as Japanese HR opens it: RFC 4180 fields,
 * CRLF, UTF-8 with a BOM (Excel opens UTF-8 only with one) or Shift_JIS (CP932) for older
 * payroll tools.
 * @see https://www.rfc-editor.org/rfc/rfc4180 quoting and CRLF line ends
 */
import Encoding from 'encoding-japanese'

export type CsvEncoding = 'utf-8' | 'shift_jis'

/**
 * A value that would start a formula: = + - @ (or their full-width forms) after nothing but
 * blanks and quote marks, or a tab, CR or NUL after nothing but quote marks (OWASP's and ASVS
 * 1.2.10's lists, ADR 032). Quote marks count as lead so a value already starting with `'` is
 * marked once more, and `readCsvField` can tell the writer's mark from one the person typed.
 */
const needsFormulaMark = (value: string) => /^[\s\u3000']*[=+\-@＝＋－＠]/.test(value) || /^'*[\t\r\0]/.test(value)

/** A cell's value as typed: without the `'` the writer put before a formula start (`'=1+1` → `=1+1`). */
export const readCsvField = (cell: string) => (cell.startsWith("'") && needsFormulaMark(cell.slice(1)) ? cell.slice(1) : cell)

/**
 * One cell, safe to open in a spreadsheet: a value that would start a formula gets a `'` before
 * it and is quoted (OWASP); RFC 4180 quotes a field holding a comma, quote, CR or LF, doubling
 * the quotes inside. Anything else is written as it is.
 * @see https://owasp.org/www-community/attacks/CSV_Injection
 */
export function csvField(value: string): string {
  if (needsFormulaMark(value)) return `"'${value.replaceAll('"', '""')}"`
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value
}

/** One record, CRLF-terminated. */
const csvLine = (cells: readonly string[]) => `${cells.map(csvField).join(',')}\r\n`

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

/** A record of a format: one string per column, by the column's name (a missing or extra column does not compile). */
export type CsvRow<Columns extends readonly string[]> = { readonly [Column in Columns[number]]: string }

export interface CsvFile {
  bytes: Uint8Array
  /** Shift_JIS only: characters written as '?' (the UTF-8 file keeps them). */
  lossy: boolean
  lossyCharacters: number
}

export interface CsvFormat<Columns extends readonly string[] = readonly string[]> {
  /** Names the format in tests and errors. */
  readonly name: string
  readonly columns: Columns
  /** The encodings the format is offered in. */
  readonly encodings: readonly CsvEncoding[]
  /** The BOM and the header line, for a file streamed as UTF-8 text (then `line` per record). */
  head(): string
  /** One record, CRLF-terminated. */
  line(row: CsvRow<Columns>): string
  /** The whole file: header and records. */
  file(rows: Iterable<CsvRow<Columns>>, encoding: CsvEncoding): CsvFile
}

export function csvFormat<const Columns extends readonly string[]>(name: string, columns: Columns, encodings: readonly CsvEncoding[]): CsvFormat<Columns> {
  const line = (row: CsvRow<Columns>) => csvLine(columns.map((column: Columns[number]) => row[column]))
  return {
    name,
    columns,
    encodings,
    head: () => `\uFEFF${csvLine(columns)}`,
    line,
    file(rows, encoding) {
      if (!encodings.includes(encoding)) throw new Error(`${name} CSV is not written in ${encoding}`)
      let text = csvLine(columns)
      for (const row of rows) text += line(row)
      return encoding === 'shift_jis' ? encodeShiftJis(text) : { bytes: encodeUtf8WithBom(text), lossy: false, lossyCharacters: 0 }
    },
  }
}
