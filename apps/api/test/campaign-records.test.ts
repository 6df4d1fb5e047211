/**
 * A campaign's printable records: the 取扱記録 from the audit log, the 廃棄証明 from the disposal
 * records (persons whose documents existed listed, the never-submitted only counted), and the
 * disposal records searched by name or 社員番号 and exported as CSV (audited).
 */
import type { DisposalCertificateResponse, HandlingRecordResponse } from '@bango/shared/admin-records'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createEmployee } from './factories.ts'
import { type TestContext, createTestContext, signedInOperator } from './harness.ts'
import { submittedEmployee } from './submitted.ts'

let context: TestContext
let employee: Awaited<ReturnType<typeof submittedEmployee>>
let admin: Awaited<ReturnType<typeof signedInOperator>>
let operator: Awaited<ReturnType<typeof signedInOperator>>
let silent: Awaited<ReturnType<typeof createEmployee>>

beforeAll(async () => {
  context = await createTestContext()
  employee = await submittedEmployee(context)
  await context.db.person.update({ where: { id: employee.employee.id }, data: { employeeNumber: 'E0042' } })
  // Never handed anything in.
  silent = await createEmployee(context.db, employee.campaign.id, { name: '未提出 次郎' })
  await context.db.person.update({ where: { id: silent.employee.id }, data: { employeeNumber: 'E0099' } })
  admin = await signedInOperator(context, { role: 'administrator', companyId: employee.company.id, name: '管理 花子' })
  operator = await signedInOperator(context, { role: 'operator', companyId: employee.company.id })
  const call = (method: 'GET' | 'POST', url: string, payload?: object) =>
    context.app.inject({ method, url: `/api/admin${url}`, headers: admin.headers, ...(payload ? { payload } : {}) })
  const spouseBack = employee.documents.find((d) => d.personId === employee.dependents[0]!.id && d.side === 'BACK')!
  expect((await call('GET', `/campaigns/${employee.campaign.id}/documents/${spouseBack.id}/image`)).statusCode).toBe(200)
  expect((await call('POST', `/campaigns/${employee.campaign.id}/close`)).statusCode).toBe(200)
  const disposed = await call('POST', `/campaigns/${employee.campaign.id}/dispose`, { reason: '保存期間の終了前に収集依頼を終えたため' })
  expect(disposed.statusCode, disposed.body).toBe(200)
}, 120_000)
afterAll(() => context.close())

const get = (headers: Record<string, string>, url: string) => context.app.inject({ method: 'GET', url: `/api/admin${url}`, headers })

describe('取扱記録', () => {
  it('lists the campaign’s handling events oldest first, a viewed image as whose and which — after its disposal too', async () => {
    const response = await get(admin.headers, `/campaigns/${employee.campaign.id}/handling-record`)
    expect(response.statusCode, response.body).toBe(200)
    const record = response.json<HandlingRecordResponse>()
    expect(record).toMatchObject({ companyName: employee.company.name, campaignName: employee.campaign.name, truncated: false })
    expect(record.events.map((e) => e.action)).toEqual(['document.viewed', 'campaign.disposed'])
    expect(record.events[0]).toMatchObject({
      actorName: '管理 花子',
      targetDocument: { personName: '総合 花子', employeeNumber: 'E0042', side: 'back', type: 'my_number_card' },
    })
    expect(record.from).toBe(record.events[0]!.at)
    expect(record.to).toBe(record.events[1]!.at)
  })

  it('is for administrators of the campaign’s company only', async () => {
    expect((await get(operator.headers, `/campaigns/${employee.campaign.id}/handling-record`)).statusCode).toBe(403)
    const stranger = await signedInOperator(context, { role: 'administrator' })
    expect((await get(stranger.headers, `/campaigns/${employee.campaign.id}/disposal-certificate`)).statusCode).toBe(404)
  })
})

describe('廃棄証明', () => {
  it('counts persons and images per disposal and lists only the persons whose documents existed', async () => {
    const response = await get(admin.headers, `/campaigns/${employee.campaign.id}/disposal-certificate`)
    expect(response.statusCode, response.body).toBe(200)
    const certificate = response.json<DisposalCertificateResponse>()
    // The employee and the spouse held images; the 対象外 child and the never-submitted household did not.
    expect(certificate.totals).toEqual({ persons: 2, images: 4, withoutDocuments: 4 })
    expect(certificate.entries).toEqual([
      expect.objectContaining({
        trigger: 'campaign',
        disposedBy: '管理 花子',
        reason: '保存期間の終了前に収集依頼を終えたため',
        persons: 2,
        images: 4,
        withoutDocuments: 4,
      }),
    ])
    expect(certificate.persons.map((p) => [p.name, p.employeeNumber, p.imageCount]).sort()).toEqual([
      ['総合 太郎', 'E0042', 2],
      ['総合 花子', 'E0042', 2],
    ])
  })
})

describe('the disposal records', () => {
  it('are searched by name, フリガナ or the household’s 社員番号, and by campaign', async () => {
    const search = async (query: string) => {
      const response = await get(admin.headers, `/companies/${employee.company.id}/disposals?${query}`)
      expect(response.statusCode, response.body).toBe(200)
      return response.json<{ records: { personName: string; employeeNumber: string | null }[] }>().records.map((r) => `${r.personName}/${r.employeeNumber}`)
    }
    expect((await search(`campaignId=${employee.campaign.id}`)).length).toBe(6)
    expect((await search(`q=${encodeURIComponent('花子')}`)).sort()).toEqual(['総合 花子/E0042', '総合 花子/E0099'])
    expect((await search('q=E0099')).sort()).toEqual(['未提出 次郎/E0099', '総合 一郎/E0099', '総合 花子/E0099'])
    expect(await search(`q=${encodeURIComponent('みていしゅつ')}`)).toEqual([])
  })

  it('export as CSV with the same search, and the export is audited', async () => {
    const response = await get(admin.headers, `/companies/${employee.company.id}/disposals.csv?q=E0042`)
    expect(response.statusCode).toBe(200)
    expect(response.headers['content-type']).toContain('text/csv')
    const lines = response.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n')
    expect(lines[0]).toBe('廃棄日時,収集依頼,氏名,社員番号,続柄,契機,廃棄した担当者,理由,書類,画像の枚数,対象者 ID')
    expect(lines).toHaveLength(4)
    expect(lines.join('\n')).toContain(',総合 太郎,E0042,本人,収集依頼ごと,管理 花子,保存期間の終了前に収集依頼を終えたため,')
    expect(lines.join('\n')).toContain('マイナンバーカード（番号確認）、従業員が入力した番号')
    const exported = await context.db.auditEvent.findFirstOrThrow({ where: { action: 'disposal.records_exported' } })
    expect(exported).toMatchObject({ actorId: admin.operator.id, companyId: employee.company.id, detail: { filter: { q: 'E0042' } } })
    expect((await get(operator.headers, `/companies/${employee.company.id}/disposals.csv`)).statusCode).toBe(403)
  })
})
