import { describe, expect, it } from 'vitest'
import { CsvFileError, decodeCsv, parseCsv } from './csv-text.ts'

const fileError = (run: () => unknown) => {
  try {
    run()
  } catch (error) {
    if (error instanceof CsvFileError) return { line: error.line, message: error.message }
    throw error
  }
  throw new Error('no error')
}

describe('decodeCsv', () => {
  it('reads UTF-8 with and without a BOM', () => {
    expect(decodeCsv(Buffer.from('\uFEFF氏名\n', 'utf8'))).toEqual({ text: '氏名\n', encoding: 'utf-8' })
    expect(decodeCsv(Buffer.from('氏名\n', 'utf8'))).toEqual({ text: '氏名\n', encoding: 'utf-8' })
  })

  it('reads Shift_JIS as CP932, extensions included (bytes as Excel on Windows writes them)', () => {
    // 氏名 , ① (NEC row 13) , ㈱ , 髙 (IBM extension FB FC) , ﾀ (half-width)
    const bytes = Buffer.from([0x8e, 0x81, 0x96, 0xbc, 0x2c, 0x87, 0x40, 0x2c, 0x87, 0x8a, 0x2c, 0xfb, 0xfc, 0x2c, 0xc0])
    expect(decodeCsv(bytes)).toEqual({ text: '氏名,①,㈱,髙,ﾀ', encoding: 'shift_jis' })
  })

  it('refuses empty, UTF-16 and undecodable files', () => {
    expect(fileError(() => decodeCsv(new Uint8Array()))).toEqual({ line: 0, message: 'ファイルが空です。' })
    expect(fileError(() => decodeCsv(Buffer.from('\uFEFF氏名', 'utf16le'))).message).toContain('UTF-16')
    expect(fileError(() => decodeCsv(Buffer.from([0x41, 0x80, 0xa0, 0xfd]))).message).toContain('文字コード')
  })
})

describe('parseCsv', () => {
  it('gives the physical line each record starts on, across quoted line breaks and blank lines', () => {
    const lines = (text: string) => parseCsv(text).map((r) => r.line)
    expect(lines('a,b\r\n1,"x\r\ny"\r\n2,z\r\n')).toEqual([1, 2, 4])
    expect(lines('a,b\r\n1,"x\ny"\r\n\r\n2,z')).toEqual([1, 2, 5])
    expect(lines('a,b\n1,"x\r\n\r\ny"\n2,z\n3,"w\r\nv"\n4,u\n')).toEqual([1, 2, 5, 6, 8])
    expect(parseCsv('a,b\n1,"x\ny"\n')[1]!.fields).toEqual(['1', 'x\ny'])
  })

  it('keeps rows of another width for the validator, and names an unclosed quote', () => {
    expect(parseCsv('a,b\n1\n1,2,3\n').map((r) => r.fields.length)).toEqual([2, 1, 3])
    expect(fileError(() => parseCsv('a\n1\n2\n3\n', 3))).toEqual({ line: 0, message: expect.stringContaining('2 行まで') })
    expect(parseCsv('a\n1\n2\n', 3)).toHaveLength(3)
    expect(fileError(() => parseCsv('a,b\n1,"x\n2,3\n'))).toEqual({ line: 2, message: expect.stringContaining('ダブルクォート') })
  })
})
