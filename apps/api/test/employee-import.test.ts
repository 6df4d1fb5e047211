import { IMPORT_COLUMNS, IMPORT_MAX_BYTES, IMPORT_MAX_LINE_CHARS, IMPORT_PER_MINUTE } from '@bango/shared/admin-import'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createCampaign } from './factories.ts'
import { type TestContext, createTestContext, signedInOperator } from './harness.ts'
import { encodeShiftJis } from './shift-jis.ts'

let context: TestContext
beforeAll(async () => {
  context = await createTestContext()
}, 60_000)
afterAll(() => context.close())

/** The columns of most files here: the postal columns are optional (their own test below). */
const HEADER = IMPORT_COLUMNS.filter((column) => column !== '郵便番号' && column !== '住所').join(',')
const csv = (...rows: string[]) => [HEADER, ...rows].join('\r\n') + '\r\n'

/** An operator of a fresh company with an open campaign. */
async function setup(role: 'administrator' | 'operator' = 'operator') {
  const operator = await signedInOperator(context, { role })
  const campaign = await createCampaign(context.db, operator.companyId)
  return { ...operator, campaign }
}

function upload(who: { headers: Record<string, string>; campaign: { id: string } }, body: Buffer | string, options: { dryRun?: boolean; type?: string } = {}) {
  return context.app.inject({
    method: 'POST',
    url: `/api/admin/campaigns/${who.campaign.id}/import?dryRun=${options.dryRun ?? false}`,
    headers: { ...who.headers, 'content-type': options.type ?? 'text/csv' },
    payload: typeof body === 'string' ? Buffer.from(body, 'utf8') : body,
  })
}

const personsOf = (campaignId: string) =>
  context.db.person.findMany({
    where: { campaignId },
    orderBy: [{ kind: 'asc' }, { name: 'asc' }],
    include: { employee: { select: { employeeNumber: true } } },
  })

describe('employee import', () => {
  it('imports a Shift_JIS file: CP932 characters and half-width kana come out right', async () => {
    const hr = await setup()
    const file = encodeShiftJis(
      csv(
        '0001,髙橋 太郎,ﾀｶﾊｼ ﾀﾛｳ,1980/4/1,本人,taro@example.jp,',
        ',髙橋 﨑子,タカハシ サキコ,1982-07-15,配偶者①,,0001',
        '0002,德永 次郎,トクナガ　ジロウ,1990-01-31,,,',
      ),
    )
    const response = await upload(hr, file, { type: 'text/csv; charset=Shift_JIS' })
    expect(response.statusCode).toBe(200)
    expect(response.json()).toEqual({
      applied: true,
      summary: { encoding: 'shift_jis', rows: 3, employees: { new: 2, changed: 0, unchanged: 0 }, dependents: { new: 1, changed: 0, unchanged: 0 } },
      errors: [],
      errorCount: 0,
    })
    const persons = await personsOf(hr.campaign.id)
    expect(
      persons.map((p) => [
        p.kind,
        p.employeeNumber,
        p.name,
        p.kana,
        p.relationship,
        p.birthDate.toISOString().slice(0, 10),
        p.email,
        p.progress,
        p.employee?.employeeNumber ?? null,
      ]),
    ).toEqual([
      ['EMPLOYEE', '0002', '德永 次郎', 'トクナガ ジロウ', '本人', '1990-01-31', null, 'UNISSUED', null],
      ['EMPLOYEE', '0001', '髙橋 太郎', 'タカハシ タロウ', '本人', '1980-04-01', 'taro@example.jp', 'UNISSUED', null],
      ['DEPENDENT', null, '髙橋 﨑子', 'タカハシ サキコ', '配偶者①', '1982-07-15', null, 'UNISSUED', '0001'],
    ])
    const event = await context.db.auditEvent.findFirstOrThrow({ where: { action: 'employees.imported', targetId: hr.campaign.id } })
    expect(event).toMatchObject({ companyId: hr.companyId, actorType: 'operator', actorId: hr.operator.id })
    expect(event.detail).toEqual({
      rows: 3,
      encoding: 'shift_jis',
      employees: { new: 2, changed: 0, unchanged: 0 },
      dependents: { new: 1, changed: 0, unchanged: 0 },
    })
  })

  it('imports UTF-8 with and without a BOM', async () => {
    for (const bom of ['\uFEFF', '']) {
      const hr = await setup()
      const response = await upload(hr, bom + csv('E1,山田 太郎,ヤマダ タロウ,1980-01-15,本人,,'), { type: 'application/octet-stream' })
      expect(response.json().summary).toMatchObject({ encoding: 'utf-8', rows: 1 })
      expect((await personsOf(hr.campaign.id)).map((p) => p.name)).toEqual(['山田 太郎'])
    }
  })

  it('imports nothing from a file with one bad row and says where and why', async () => {
    const hr = await setup()
    const response = await upload(
      hr,
      csv('1,山田 太郎,ヤマダ タロウ,1980-01-15,本人,,', '2,"佐藤\n次郎",サトウ ジロウ,1985-02-01,本人,,', '3,鈴木 三郎,スズキ サブロウ,1985-02-30,本人,,'),
    )
    expect(response.statusCode).toBe(422)
    const { error } = response.json()
    expect(error.code).toBe('IMPORT_INVALID')
    expect(error.details).toEqual({
      applied: false,
      summary: null,
      errors: [
        { line: 3, column: '氏名', message: expect.stringContaining('制御文字') },
        { line: 5, column: '生年月日', message: '存在しない日付です。' },
      ],
      errorCount: 2,
    })
    expect(await personsOf(hr.campaign.id)).toEqual([])
  })

  it('previews new / changed / unchanged without writing, and lists errors with 200', async () => {
    const hr = await setup()
    await upload(
      hr,
      csv('1,山田 太郎,ヤマダ タロウ,1980-01-15,本人,,', '2,佐藤 次郎,サトウ ジロウ,1985-02-01,本人,,', ',山田 花子,ヤマダ ハナコ,1982-04-12,配偶者,,1'),
    )
    const next = csv(
      '1,山田 太郎,ヤマダ タロウ,1980-01-15,本人,,',
      '2,佐藤 次郎,サトウ ジロウ,1985-02-01,本人,jiro@example.jp,',
      '3,鈴木 三郎,スズキ サブロウ,1990-03-03,,,',
      ',山田 花子,ヤマダ ハナコ,1982-04-12,妻,,1',
      ',山田 一郎,ヤマダ イチロウ,2012-09-30,子,,1',
    )
    const preview = await upload(hr, next, { dryRun: true })
    expect(preview.statusCode).toBe(200)
    expect(preview.json()).toEqual({
      applied: false,
      summary: { encoding: 'utf-8', rows: 5, employees: { new: 1, changed: 1, unchanged: 1 }, dependents: { new: 1, changed: 1, unchanged: 0 } },
      errors: [],
      errorCount: 0,
    })
    expect(await personsOf(hr.campaign.id)).toHaveLength(3)
    const invalid = await upload(hr, csv('1,山田 太郎,ヤマダ タロウ,1980-01-15,本人,not-mail,'), { dryRun: true })
    expect(invalid.statusCode).toBe(200)
    expect(invalid.json()).toMatchObject({ applied: false, summary: null, errors: [{ line: 2, column: 'メールアドレス' }], errorCount: 1 })
  })

  it('re-import updates by 社員番号, never duplicates and never deletes', async () => {
    const hr = await setup()
    await upload(
      hr,
      csv('1,山田 太郎,ヤマダ タロウ,1980-01-15,本人,,', '2,佐藤 次郎,サトウ ジロウ,1985-02-01,本人,,', ',山田 花子,ヤマダ ハナコ,1982-04-12,配偶者,,1'),
    )
    const before = await personsOf(hr.campaign.id)
    const second = await upload(hr, csv('1,山田 太郎,ヤマダ タロウ,1980-01-16,本人,taro@example.jp,', ',山田 花子,ヤマダ ハナコ,1982-04-12,配偶者,,1'))
    expect(second.json().summary).toMatchObject({ employees: { new: 0, changed: 1, unchanged: 0 }, dependents: { new: 0, changed: 0, unchanged: 1 } })
    const after = await personsOf(hr.campaign.id)
    expect(after.map((p) => p.id).sort()).toEqual(before.map((p) => p.id).sort())
    const taro = after.find((p) => p.employeeNumber === '1')!
    expect([taro.birthDate.toISOString().slice(0, 10), taro.email]).toEqual(['1980-01-16', 'taro@example.jp'])
    // A dependent may point at an employee who is only in the campaign, not in the file.
    const third = await upload(hr, csv(',佐藤 三郎,サトウ サブロウ,2015-05-05,子,,2'))
    expect(third.json().summary.dependents.new).toBe(1)
    expect((await personsOf(hr.campaign.id)).find((p) => p.name === '佐藤 三郎')?.employeeId).toBe(after.find((p) => p.employeeNumber === '2')!.id)
  })

  it('refuses a dependent whose employee is in neither the file nor the campaign', async () => {
    const hr = await setup()
    const response = await upload(hr, csv('1,山田 太郎,ヤマダ タロウ,1980-01-15,本人,,', ',山田 花子,ヤマダ ハナコ,1982-04-12,配偶者,,9'))
    expect(response.statusCode).toBe(422)
    expect(response.json().error.details.errors).toEqual([{ line: 3, column: '扶養者の社員番号', message: expect.stringContaining('見つかりません') }])
    expect(await personsOf(hr.campaign.id)).toEqual([])
  })

  it('answers 404 to an operator of another company, 409 on a closed campaign', async () => {
    const hr = await setup()
    const stranger = await signedInOperator(context, { role: 'administrator' })
    const foreign = await upload({ headers: stranger.headers, campaign: hr.campaign }, csv('1,山田 太郎,ヤマダ タロウ,1980-01-15,本人,,'))
    expect(foreign.statusCode).toBe(404)
    const closed = await createCampaign(context.db, hr.companyId, { status: 'CLOSED', closedAt: new Date() })
    const late = await upload({ headers: hr.headers, campaign: closed }, csv('1,山田 太郎,ヤマダ タロウ,1980-01-15,本人,,'))
    expect(late.json().error.code).toBe('CAMPAIGN_CLOSED')
    expect(await context.db.person.count({ where: { campaignId: { in: [hr.campaign.id, closed.id] } } })).toBe(0)
  })

  it('answers a clear 4xx to a wrong content type, an empty file, a header without rows, a file too large', async () => {
    const hr = await setup()
    const json = await context.app.inject({
      method: 'POST',
      url: `/api/admin/campaigns/${hr.campaign.id}/import?dryRun=false`,
      headers: hr.headers,
      payload: { rows: [] },
    })
    expect([json.statusCode, json.json().error.code]).toEqual([400, 'VALIDATION'])
    const image = await upload(hr, Buffer.from([0xff, 0xd8, 0xff]), { type: 'image/jpeg' })
    expect([image.statusCode, image.json().error.code]).toEqual([400, 'VALIDATION'])
    const empty = await upload(hr, '')
    expect([empty.statusCode, empty.json().error.details.errors]).toEqual([422, [{ line: 0, column: null, message: 'ファイルが空です。' }]])
    const headerOnly = await upload(hr, csv())
    expect(headerOnly.statusCode).toBe(422)
    expect(headerOnly.json().error.details.errors[0].message).toContain('データ行がありません')
    const tooLarge = await upload(hr, Buffer.alloc(IMPORT_MAX_BYTES + 1, 0x41))
    expect([tooLarge.statusCode, tooLarge.json().error.code]).toEqual([413, 'FILE_TOO_LARGE'])
    const badQuery = await context.app.inject({
      method: 'POST',
      url: `/api/admin/campaigns/${hr.campaign.id}/import?dryRun=yes`,
      headers: { ...hr.headers, 'content-type': 'text/csv' },
      payload: csv('1,山田 太郎,ヤマダ タロウ,1980-01-15,本人,,'),
    })
    expect(badQuery.statusCode).toBe(400)
    const noCsrf = await upload({ headers: { cookie: hr.headers.cookie! }, campaign: hr.campaign }, csv('1,山田 太郎,ヤマダ タロウ,1980-01-15,本人,,'))
    expect(noCsrf.json().error.code).toBe('CSRF_INVALID')
  })

  it('refuses a record longer than IMPORT_MAX_LINE_CHARS at its line, in Japanese', async () => {
    const hr = await setup()
    const long = `2,${'長'.repeat(IMPORT_MAX_LINE_CHARS)},サトウ ジロウ,1985-02-01,本人,,`
    const response = await upload(hr, csv('1,山田 太郎,ヤマダ タロウ,1980-01-15,本人,,', long, '3,鈴木 三郎,スズキ サブロウ,1990-03-03,本人,,'), {
      dryRun: true,
    })
    expect(response.json().errors).toEqual([
      { line: 3, column: null, message: `1 行が長すぎます（2,000 文字まで）。区切りのカンマ（,）とダブルクォート（"）の対応を確認してください。` },
    ])
  })

  it(`takes ${IMPORT_PER_MINUTE} imports and previews a minute from one operator, then 429 until the minute is over; others are not held`, async () => {
    const hr = await setup()
    const colleague = { ...(await signedInOperator(context, { role: 'operator', companyId: hr.companyId })), campaign: hr.campaign }
    const file = csv('1,山田 太郎,ヤマダ タロウ,1980-01-15,本人,,')
    for (let i = 0; i < IMPORT_PER_MINUTE; i++) expect((await upload(hr, file, { dryRun: i % 2 === 0 })).statusCode).toBe(200)
    const limited = await upload(hr, file, { dryRun: true })
    expect([limited.statusCode, limited.json().error.code]).toEqual([429, 'RATE_LIMITED'])
    expect((await upload(colleague, file, { dryRun: true })).statusCode).toBe(200)
  })

  it('imports an employee’s 郵便番号 and 住所, keeps them when a file has no such columns, and puts them on the postal kit', async () => {
    const hr = await setup()
    const withPostal = [IMPORT_COLUMNS.join(','), '1,山田 太郎,ヤマダ タロウ,1980-01-15,本人,,,１００－０００１,"東京都千代田区千代田 1-1, 総合ビル"', ''].join(
      '\r\n',
    )
    expect((await upload(hr, withPostal)).json().summary).toMatchObject({ employees: { new: 1 } })
    expect((await upload(hr, csv('1,山田 太郎,ヤマダ タロウ,1980-01-15,本人,taro@example.jp,'))).json().summary).toMatchObject({ employees: { changed: 1 } })
    const taro = (await personsOf(hr.campaign.id))[0]!
    expect([taro.postalCode, taro.postalAddress, taro.email]).toEqual(['100-0001', '東京都千代田区千代田 1-1, 総合ビル', 'taro@example.jp'])
    const issued = await context.app.inject({ method: 'POST', url: `/api/admin/campaigns/${hr.campaign.id}/credentials`, headers: hr.headers, payload: {} })
    expect(issued.json().credentials[0].postal).toEqual({ postalCode: '100-0001', address: '東京都千代田区千代田 1-1, 総合ビル' })
  })

  it('serves a template (UTF-8 with BOM) that imports as it is', async () => {
    const hr = await setup()
    const template = await context.app.inject({ method: 'GET', url: '/api/admin/import-template.csv', headers: hr.headers })
    expect(template.statusCode).toBe(200)
    expect(template.headers['content-disposition']).toMatch(/^attachment;/)
    expect(template.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]))
    const lines = template.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n')
    expect(lines).toHaveLength(3)
    expect(lines[0]).toBe(IMPORT_COLUMNS.join(','))
    const imported = await upload(hr, template.rawPayload)
    expect(imported.json().summary).toMatchObject({ employees: { new: 1 }, dependents: { new: 1 } })
  })
})
