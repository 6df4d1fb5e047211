/**
 * A one-sheet Excel workbook (Office Open XML, .xlsx), streamed: a ZIP (yazl, as the documents
 * archive) of the five parts a spreadsheet needs, the sheet generated row by row as it is
 * deflated. Written here rather than with a spreadsheet library: one sheet of text, numbers and
 * dates is ~150 lines, where exceljs brings ~190 packages, some deprecated (ADR 046).
 *
 * Text goes into inline-string cells styled 「文字列」 (number format 49, `@`): Excel never reads
 * them as numbers (a 12-digit number stays whole, 社員番号 0012 keeps its zeros) nor as formulas
 * (a name typed as `=HYPERLINK(…)` is shown as typed: a string cell is never evaluated). Text
 * columns carry the same style, so what HR types into them later stays text too.
 * @see https://ecma-international.org/publications-and-standards/standards/ecma-376/ (SpreadsheetML)
 */
import { Readable } from 'node:stream'
import { ZipFile } from 'yazl'

/** A cell: text, a number, or a calendar date (`YYYY-MM-DD`) as a date cell. An empty string leaves the cell empty. */
export type XlsxCell = string | number | { date: string }

export interface XlsxColumn {
  header: string
  /** Width in characters. */
  width: number
  /** How a date cell of this column is shown. */
  dateFormat?: 'yyyy-mm-dd' | 'yyyy/mm/dd'
  /** Text-styled column: cells typed into it later stay text. */
  text?: boolean
}

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main'
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships'
const PKG = 'http://schemas.openxmlformats.org/package/2006'
const HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'

/** Styles (cellXfs) by index: 0 general, 1 text, 2 header (bold text), 3 and 4 dates. */
const STYLE = { text: 1, header: 2, 'yyyy-mm-dd': 3, 'yyyy/mm/dd': 4 } as const

const STYLES = `${HEAD}<styleSheet xmlns="${MAIN}">
<numFmts count="2"><numFmt numFmtId="164" formatCode="yyyy-mm-dd"/><numFmt numFmtId="165" formatCode="yyyy/mm/dd"/></numFmts>
<fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font><font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>
<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>
<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>
<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>
<cellXfs count="5">
<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>
<xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>
<xf numFmtId="49" fontId="1" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" applyFont="1"/>
<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>
<xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>
</cellXfs>
<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>
</styleSheet>`

const CONTENT_TYPES = `${HEAD}<Types xmlns="${PKG}/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>
<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>
<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>
</Types>`

const ROOT_RELS = `${HEAD}<Relationships xmlns="${PKG}/relationships">
<Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/>
</Relationships>`

const WORKBOOK_RELS = `${HEAD}<Relationships xmlns="${PKG}/relationships">
<Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/>
<Relationship Id="rId2" Type="${REL}/styles" Target="styles.xml"/>
</Relationships>`

const workbook = (sheetName: string) =>
  `${HEAD}<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets><sheet name="${xmlText(sheetName)}" sheetId="1" r:id="rId1"/></sheets></workbook>`

// eslint-disable-next-line no-control-regex -- control characters are what it escapes
const NOT_IN_XML = /[\0-\x08\x0B\x0C\r\x0E-\x1F\uFFFE\uFFFF]/g

/**
 * Text as SpreadsheetML holds it: XML's five escapes, and characters XML 1.0 cannot carry (C0
 * controls but tab and LF; CR, which XML would turn into LF) as `_xHHHH_`, with a literal
 * `_xHHHH_` escaped as `_x005F_xHHHH_` so that it reads back as typed (ECMA-376 ST_Xstring).
 */
export function xmlText(value: string): string {
  return value
    .replace(/_x([0-9A-Fa-f]{4})_/g, '_x005F_x$1_')
    .replace(NOT_IN_XML, (c) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`)
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
}

/** A, B, … Z, AA, …: the column's letters. */
export function columnName(index: number): string {
  let name = ''
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name
  return name
}

/** Days since 1899-12-30, Excel's date serial (1900 date system). */
export const dateSerial = (isoDate: string) => (Date.parse(`${isoDate}T00:00:00Z`) - Date.UTC(1899, 11, 30)) / 86_400_000

const textCell = (ref: string, value: string, style: number) =>
  `<c r="${ref}" s="${style}" t="inlineStr"><is><t xml:space="preserve">${xmlText(value)}</t></is></c>`

function cell(ref: string, value: XlsxCell, column: XlsxColumn): string {
  if (typeof value === 'number') return Number.isFinite(value) ? `<c r="${ref}"><v>${value}</v></c>` : ''
  if (typeof value === 'string') return value === '' ? '' : textCell(ref, value, STYLE.text)
  return value.date === '' ? '' : `<c r="${ref}" s="${STYLE[column.dateFormat ?? 'yyyy-mm-dd']}"><v>${dateSerial(value.date)}</v></c>`
}

function* sheet(columns: readonly XlsxColumn[], rows: Iterable<readonly XlsxCell[]>): Generator<string> {
  const letters = columns.map((_, index) => columnName(index))
  const cols = columns
    .map((c, i) => `<col min="${i + 1}" max="${i + 1}" width="${c.width}" customWidth="1"${c.text ? ` style="${STYLE.text}"` : ''}/>`)
    .join('')
  yield `${HEAD}<worksheet xmlns="${MAIN}"><sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>`
  yield `<cols>${cols}</cols><sheetData><row r="1">${columns.map((c, i) => textCell(`${letters[i]}1`, c.header, STYLE.header)).join('')}</row>`
  let r = 1
  for (const row of rows) {
    r += 1
    yield `<row r="${r}">${row.map((value, i) => cell(`${letters[i]}${r}`, value, columns[i]!)).join('')}</row>`
  }
  yield '</sheetData></worksheet>'
}

/** The workbook as a stream of .xlsx bytes; the rows are read as the sheet is written. */
export function xlsxWorkbook(sheetName: string, columns: readonly XlsxColumn[], rows: Iterable<readonly XlsxCell[]>): Readable {
  const zip = new ZipFile()
  const part = (path: string, xml: string) => zip.addBuffer(Buffer.from(xml, 'utf8'), path, { compress: true })
  part('[Content_Types].xml', CONTENT_TYPES)
  part('_rels/.rels', ROOT_RELS)
  part('xl/workbook.xml', workbook(sheetName))
  part('xl/_rels/workbook.xml.rels', WORKBOOK_RELS)
  part('xl/styles.xml', STYLES)
  zip.addReadStream(Readable.from(sheet(columns, rows), { objectMode: false }), 'xl/worksheets/sheet1.xml', { compress: true })
  zip.end()
  return zip.outputStream as Readable
}
