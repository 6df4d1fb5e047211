/**
 * The first sheet of an .xlsx answer as the export suites read it: every cell by row, with its
 * style and type, and the styles' number formats — enough to tell a text cell (format 49, `@`)
 * from a number or a date. Reads only what lib/xlsx.ts writes (inline strings, no shared strings).
 */
import { unzip } from './unzip.ts'

export interface SheetCell {
  ref: string
  /** The cell's number format id (49: text; 164/165: the dates; 0: general). */
  numFmt: number
  type: 'inlineStr' | 'n'
  value: string
}

const unescape = (text: string) =>
  text
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&quot;', '"')
    .replaceAll('&amp;', '&')
    .replace(/_x([0-9A-F]{4})_/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)))

export async function readSheet(bytes: Buffer) {
  const files = await unzip(bytes)
  const part = (name: string) => {
    const file = files.get(name)
    if (!file) throw new Error(`no ${name} in the workbook`)
    return file.data.toString('utf8')
  }
  const styles = part('xl/styles.xml')
  const cellXfs = styles.slice(styles.indexOf('<cellXfs'))
  const formats = [...cellXfs.matchAll(/<xf numFmtId="(\d+)"/g)].map((m) => Number(m[1]))
  const sheet = part('xl/worksheets/sheet1.xml')
  const rows = [...sheet.matchAll(/<row r="(\d+)">(.*?)<\/row>/g)].map((row) =>
    [...row[2]!.matchAll(/<c r="([A-Z]+\d+)"(?: s="(\d+)")?(?: t="(inlineStr)")?>(?:<is><t[^>]*>(.*?)<\/t><\/is>|<v>(.*?)<\/v>)<\/c>/g)].map(
      (c): SheetCell => ({
        ref: c[1]!,
        numFmt: formats[Number(c[2] ?? 0)] ?? -1,
        type: c[3] ? 'inlineStr' : 'n',
        value: c[3] ? unescape(c[4] ?? '') : (c[5] ?? ''),
      }),
    ),
  )
  return { files, rows, sheet, workbook: part('xl/workbook.xml'), contentTypes: part('[Content_Types].xml') }
}
