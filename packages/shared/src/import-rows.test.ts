import { describe, expect, it } from 'vitest'
import { IMPORT_COLUMNS } from './admin-import.ts'
import { readBirthDate, readEmployeeNumber, readKana, readPostalCode } from './import-fields.ts'
import { type CsvRecord, checkEmployeeReferences, listErrors, readHeader, readRows } from './import-rows.ts'

const TODAY = '2026-11-26'
const HEADER = [...IMPORT_COLUMNS]
/** Records from rows of cells (header first), each on its own line. */
const file = (...rows: string[][]): CsvRecord[] => rows.map((fields, index) => ({ line: index + 1, fields }))
const employee = (number: string, overrides: Partial<Record<string, string>> = {}) =>
  HEADER.map(
    (c) =>
      ({
        社員番号: number,
        氏名: '山田 太郎',
        フリガナ: 'ヤマダ タロウ',
        生年月日: '1980-01-15',
        続柄: '本人',
        メールアドレス: '',
        扶養者の社員番号: '',
        郵便番号: '',
        住所: '',
        ...overrides,
      })[c] ?? '',
  )
const dependent = (employer: string, name: string, overrides: Partial<Record<string, string>> = {}) =>
  employee('', { 氏名: name, フリガナ: 'ヤマダ ハナコ', 続柄: '配偶者', 扶養者の社員番号: employer, ...overrides })

describe('import header', () => {
  it('accepts the known columns in any order and names extra or missing ones', () => {
    expect(readHeader([...HEADER].reverse()).errors).toEqual([])
    expect(readHeader(['\uFEFF社員番号', '氏名', 'フリガナ', '生年月日', '続柄']).errors).toEqual([])
    const { errors } = readHeader(['社員番号', '氏名', '部署', '生年月日', '続柄', '氏名'])
    expect(errors).toEqual([
      { line: 1, column: '部署', message: expect.stringContaining('不明な列') },
      { line: 1, column: '氏名', message: expect.stringContaining('2 つ以上') },
      { line: 1, column: 'フリガナ', message: '必須の列がありません。' },
    ])
  })
})

describe('import fields', () => {
  it('reads a 郵便番号 of 7 digits, with or without 〒 and the hyphen, full-width forgiven', () => {
    for (const raw of ['100-0001', '1000001', '〒100-0001', '１００－０００１', ' 100ー0001 '])
      expect(readPostalCode(raw)).toEqual({ ok: true, value: '100-0001' })
    expect(readPostalCode('')).toEqual({ ok: true, value: null })
    for (const raw of ['100-001', '10000011', 'abc-defg']) expect(readPostalCode(raw).ok).toBe(false)
  })

  it('normalises 半角カナ and full-width spaces in フリガナ, refuses kanji and hiragana', () => {
    expect(readKana('ﾔﾏﾀﾞ　ﾀﾛｳ')).toEqual({ ok: true, value: 'ヤマダ タロウ' })
    expect(readKana(' ヴァン・ゴッホ  ケイコ ')).toEqual({ ok: true, value: 'ヴァン・ゴッホ ケイコ' })
    expect(readKana('やまだ').ok).toBe(false)
    expect(readKana('山田').ok).toBe(false)
    expect(readKana('Yamada').ok).toBe(false)
  })

  it('reads dates in the three formats and refuses impossible, future and pre-1900 ones', () => {
    expect(readBirthDate('1980/1/5', TODAY)).toEqual({ ok: true, value: '1980-01-05' })
    expect(readBirthDate('1980/01/05', TODAY)).toEqual({ ok: true, value: '1980-01-05' })
    expect(readBirthDate('２０００-０２-２９', TODAY)).toEqual({ ok: true, value: '2000-02-29' })
    expect(readBirthDate(TODAY, TODAY).ok).toBe(true)
    expect(readBirthDate('2026-11-27', TODAY)).toEqual({ ok: false, message: expect.stringContaining('今日まで') })
    expect(readBirthDate('1899-12-31', TODAY).ok).toBe(false)
    expect(readBirthDate('2001-02-29', TODAY)).toEqual({ ok: false, message: '存在しない日付です。' })
    expect(readBirthDate('1980年1月5日', TODAY).ok).toBe(false)
    expect(readBirthDate('80/1/5', TODAY).ok).toBe(false)
  })

  it('takes 社員番号 of 1–20 ASCII letters, digits, - and _ (full-width digits made ASCII)', () => {
    expect(readEmployeeNumber('００１２')).toEqual({ ok: true, value: '0012' })
    expect(readEmployeeNumber('A-01_x').ok).toBe(true)
    expect(readEmployeeNumber('1'.repeat(21)).ok).toBe(false)
    expect(readEmployeeNumber('12 34').ok).toBe(false)
    expect(readEmployeeNumber('').ok).toBe(false)
  })
})

describe('import rows', () => {
  it('reads employees and dependents', () => {
    const { rows, errors } = readRows(file(HEADER, employee('0012', { 続柄: '', メールアドレス: 'Taro@Example.jp' }), dependent('0012', '山田 花子')), TODAY)
    expect(errors).toEqual([])
    expect(rows).toEqual([
      {
        kind: 'employee',
        line: 2,
        employeeNumber: '0012',
        name: '山田 太郎',
        kana: 'ヤマダ タロウ',
        birthDate: '1980-01-15',
        relationship: '本人',
        email: 'taro@example.jp',
        postal: null,
      },
      { kind: 'dependent', line: 3, employeeNumber: '0012', name: '山田 花子', kana: 'ヤマダ ハナコ', birthDate: '1980-01-15', relationship: '配偶者' },
    ])
  })

  it('leaves e-mail and the postal address undefined when the file has no such columns', () => {
    const header = ['社員番号', '氏名', 'フリガナ', '生年月日', '続柄']
    const { rows } = readRows(file(header, ['1', '山田 太郎', 'ヤマダ タロウ', '1980-01-15', '本人']), TODAY)
    expect(rows[0]).toMatchObject({ kind: 'employee', email: undefined, postal: undefined })
  })

  it('reads an employee’s 郵便番号 and 住所 together, and refuses one without the other or either on a dependent’s row', () => {
    const { rows, errors } = readRows(
      file(
        HEADER,
        employee('1', { 郵便番号: '〒１００－０００１', 住所: '東京都千代田区千代田 1-1 総合ビル 3F' }),
        employee('2', { 郵便番号: '100-0001' }),
        employee('3', { 住所: '東京都千代田区' }),
        employee('4', { 郵便番号: '12-34', 住所: '東京都' }),
        dependent('1', '山田 花子', { 住所: '東京都千代田区' }),
      ),
      TODAY,
    )
    expect(rows[0]).toMatchObject({ employeeNumber: '1', postal: { postalCode: '100-0001', address: '東京都千代田区千代田 1-1 総合ビル 3F' } })
    expect(errors.map((error) => [error.line, error.column])).toEqual([
      [3, '住所'],
      [4, '郵便番号'],
      [5, '郵便番号'],
      [6, '住所'],
    ])
  })

  it('reports every problem with its line and column', () => {
    const { rows, errors } = readRows(
      file(
        HEADER,
        employee('', { 氏名: '', 生年月日: '1980-13-01', メールアドレス: 'not-an-address' }),
        employee('7', { 続柄: '配偶者' }),
        dependent('7', '山田 花子', { 続柄: '', メールアドレス: 'x@example.jp', 社員番号: '8' }),
        dependent('7', '山田 次郎', { 続柄: '本人', フリガナ: 'やまだ' }),
        employee('9', { 氏名: '山田\n太郎' }),
        ['1', '2'],
      ),
      TODAY,
    )
    expect(rows).toEqual([])
    expect(errors.map((e) => [e.line, e.column])).toEqual([
      [2, '氏名'],
      [2, '生年月日'],
      [2, '社員番号'],
      [2, 'メールアドレス'],
      [3, '続柄'],
      [4, '社員番号'],
      [4, '続柄'],
      [4, 'メールアドレス'],
      [5, 'フリガナ'],
      [5, '続柄'],
      [6, '氏名'],
      [7, null],
    ])
    expect(errors[0]!.message).toBe('入力してください。')
    expect(errors.at(-2)!.message).toContain('制御文字')
  })

  it('reports a duplicate on its second line, and skips blank rows', () => {
    const { rows, errors } = readRows(
      file(
        HEADER,
        employee('1'),
        dependent('1', '山田 花子'),
        HEADER.map(() => ' '),
        employee('1'),
        dependent('1', '山田 花子'),
        dependent('1', '山田 次郎'),
      ),
      TODAY,
    )
    expect(errors).toEqual([
      { line: 5, column: '社員番号', message: '同じ社員番号が 2 行目にもあります。' },
      { line: 6, column: '氏名', message: expect.stringContaining('3 行目') },
    ])
    expect(rows).toHaveLength(3)
  })

  it('refuses an empty file and a header without rows', () => {
    expect(readRows([], TODAY).errors).toEqual([{ line: 0, column: null, message: 'ファイルが空です。' }])
    expect(
      readRows(
        file(
          HEADER,
          HEADER.map(() => ''),
        ),
        TODAY,
      ).errors[0]!.message,
    ).toContain('データ行がありません')
  })

  it("reads a cell the CSV writer marked with ' as typed, so an exported file imports what the person typed (ADR 032)", () => {
    const { rows, errors } = readRows(
      file(HEADER, employee('7', { 氏名: '\'+1+HYPERLINK("x")' }), dependent('7', '\'=HYPERLINK("x")', { 続柄: "'@SUM(1+1)" }), dependent('7', "'Brien 花子")),
      TODAY,
    )
    expect(errors).toEqual([])
    expect(rows.map((row) => [row.name, row.relationship])).toEqual([
      ['+1+HYPERLINK("x")', '本人'],
      ['=HYPERLINK("x")', '@SUM(1+1)'],
      ["'Brien 花子", '配偶者'],
    ])
  })

  it('accepts a dependent whose employee is in the file or already in the campaign', () => {
    const { rows } = readRows(file(HEADER, dependent('1', '山田 花子'), employee('1'), dependent('2', '佐藤 花子'), dependent('3', '鈴木 花子')), TODAY)
    expect(checkEmployeeReferences(rows, new Set(['2']))).toEqual([{ line: 5, column: '扶養者の社員番号', message: expect.stringContaining('見つかりません') }])
  })

  it('lists errors in line order, at most the limit', () => {
    const listed = listErrors(
      [3, 1, 2].map((line) => ({ line, column: null, message: 'x' })),
      2,
    )
    expect(listed).toEqual({
      errors: [
        { line: 1, column: null, message: 'x' },
        { line: 2, column: null, message: 'x' },
      ],
      errorCount: 3,
    })
  })
})
