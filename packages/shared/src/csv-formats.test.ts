import { describe, expect, it } from 'vitest'
import * as formats from './csv-formats.ts'
import { CSV_FORMATS, MAIL_MERGE_CSV, mailMergeRows } from './csv-formats.ts'

describe('CSV formats', () => {
  it('lists every format it defines in CSV_FORMATS, each under its own name', () => {
    const defined = Object.values(formats).filter((value) => typeof value === 'object' && value !== null && 'columns' in value && 'file' in value)
    expect(new Set(defined)).toEqual(new Set(CSV_FORMATS))
    expect(new Set(CSV_FORMATS.map((format) => format.name)).size).toBe(CSV_FORMATS.length)
  })

  it('writes the mail merge: the header and one CRLF record per credential, quoting as needed', () => {
    const rows = mailMergeRows([
      {
        employeeId: '00000000-0000-4000-8000-000000000001',
        employeeNumber: 'E1',
        name: '総合, 太郎',
        kana: 'ソウゴウ タロウ',
        email: null,
        postal: null,
        reissue: false,
        url: 'https://x/t/abc',
        password: 'pw',
      },
    ])
    expect(new TextDecoder('utf-8', { ignoreBOM: true }).decode(MAIL_MERGE_CSV.file(rows, 'utf-8').bytes)).toBe(
      '\uFEFF社員番号,氏名,フリガナ,メールアドレス,ログインURL,パスワード\r\nE1,"総合, 太郎",ソウゴウ タロウ,,https://x/t/abc,pw\r\n',
    )
  })
})
