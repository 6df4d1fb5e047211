import { describe, expect, it } from 'vitest'
import { csvField, encodeShiftJis } from './mail-merge-csv.ts'

describe('mail-merge CSV', () => {
  it('quotes fields per RFC 4180 only when needed', () => {
    expect(csvField('総合 太郎')).toBe('総合 太郎')
    expect(csvField('a,b')).toBe('"a,b"')
    expect(csvField('say "hi"')).toBe('"say ""hi"""')
    expect(csvField('line\r\nbreak')).toBe('"line\r\nbreak"')
  })

  it('writes CP932 characters and flags those Shift_JIS lacks', () => {
    expect(encodeShiftJis('髙①').lossy).toBe(false)
    const lost = encodeShiftJis('𠮷野')
    expect(lost.lossy).toBe(true)
    expect(lost.bytes[0]).toBe(0x3f)
  })
})
