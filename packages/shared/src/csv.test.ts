import { describe, expect, it } from 'vitest'
import { csvField, csvLine, encodeShiftJis, encodeUtf8WithBom } from './csv.ts'

describe('CSV writing', () => {
  it('quotes fields per RFC 4180 only when needed, and ends records with CRLF', () => {
    expect(csvField('総合 太郎')).toBe('総合 太郎')
    expect(csvField('a,b')).toBe('"a,b"')
    expect(csvField('say "hi"')).toBe('"say ""hi"""')
    expect(csvField('line\r\nbreak')).toBe('"line\r\nbreak"')
    expect(csvLine(['a', 'b,c'])).toBe('a,"b,c"\r\n')
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
})
