import { describe, expect, it } from 'vitest'
import { mailMergeCsv } from './mail-merge-csv.ts'

describe('mail-merge CSV', () => {
  it('writes the header and one CRLF record per credential, quoting as needed', () => {
    const csv = mailMergeCsv([
      {
        employeeId: '00000000-0000-4000-8000-000000000001',
        employeeNumber: 'E1',
        name: '総合, 太郎',
        kana: 'ソウゴウ タロウ',
        email: null,
        url: 'https://x/t/abc',
        password: 'pw',
      },
    ])
    expect(csv).toBe('社員番号,氏名,フリガナ,メールアドレス,ログインURL,パスワード\r\nE1,"総合, 太郎",ソウゴウ タロウ,,https://x/t/abc,pw\r\n')
  })
})
