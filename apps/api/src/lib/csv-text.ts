/**
 * Bytes of a CSV file as Japanese HR systems and Excel write it → records with the physical
 * line each starts on. UTF-8 (with or without BOM) first; failing that, Shift_JIS, which
 * WHATWG (and Node's ICU) defines as Windows-31J/CP932, so ①, ㈱ and 髙 decode as Excel wrote them.
 * @see https://encoding.spec.whatwg.org/#shift_jis
 */
import type { CsvRecord } from '@bango/shared/import-rows'
import { IMPORT_MESSAGES as M } from '@bango/shared/import-messages'
import { CsvError, parse } from 'csv-parse/sync'

export type CsvEncoding = 'utf-8' | 'shift_jis'

/** A problem with the file as a whole (line 0) or its CSV syntax at a line. */
export class CsvFileError extends Error {
  readonly line: number
  constructor(line: number, message: string) {
    super(message)
    this.line = line
  }
}

export function decodeCsv(bytes: Uint8Array): { text: string; encoding: CsvEncoding } {
  if (bytes.length === 0) throw new CsvFileError(0, M.emptyFile)
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) throw new CsvFileError(0, M.utf16)
  // Both decoders are fatal: a file that is neither must not import as mojibake or U+FFFD.
  for (const encoding of ['utf-8', 'shift_jis'] as const) {
    try {
      return { text: new TextDecoder(encoding, { fatal: true }).decode(bytes), encoding }
    } catch {
      // try the next one
    }
  }
  throw new CsvFileError(0, M.undecodable)
}

const count = (pattern: RegExp, fields: readonly string[]) => fields.reduce((n, field) => n + (field.match(pattern)?.length ?? 0), 0)
const LINE_BREAKS = /\r\n|\r|\n/g
const CRLF = /\r\n/g

/**
 * Rows may differ in width (reported per row, not as a parse failure); blank lines are skipped.
 * csv-parse knows the line a record ends on, so a quoted field holding line breaks moves its
 * start back by as many lines; and (csv-parse 7.0.3) it counts a CRLF inside a quoted field as
 * two lines, an excess carried into every later record, which is taken off here.
 * More than `maxRecords` records (header included) stops the parse, and so does a record longer
 * than `maxRecordChars` (0: no limit), before the rest of it is held in memory.
 */
export function parseCsv(text: string, maxRecords = Number.POSITIVE_INFINITY, maxRecordChars = 0): CsvRecord[] {
  const records: CsvRecord[] = []
  let excess = 0
  let lastLine = 0
  try {
    parse(text, {
      relax_column_count: true,
      skip_empty_lines: true,
      max_record_size: maxRecordChars,
      on_record: (fields: string[], context) => {
        excess += count(CRLF, fields)
        lastLine = context.lines - excess
        records.push({ line: lastLine - count(LINE_BREAKS, fields), fields })
        // Stop reading a huge file at once rather than holding all of it as records.
        if (records.length > maxRecords) throw new CsvFileError(0, M.tooManyRows(maxRecords - 1))
        return null
      },
    })
    return records
  } catch (error) {
    if (error instanceof CsvFileError) throw error
    if (!(error instanceof CsvError)) throw error
    // The record that failed starts after the last good one (an unclosed quote runs to the end).
    const message =
      error.code === 'CSV_QUOTE_NOT_CLOSED' ? M.unclosedQuote : error.code === 'CSV_MAX_RECORD_SIZE' ? M.lineTooLong(maxRecordChars) : M.malformed(error.code)
    throw new CsvFileError(lastLine + 1, message)
  }
}
