/** The access report for a 漏えい等 report: views, number reads and exports in a window, per person; administrators only; audited. */
import type { AccessReportResponse } from '@bango/shared/admin-records'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type TestContext, createTestContext, signedInOperator } from './harness.ts'
import { submittedEmployee } from './submitted.ts'

let context: TestContext
let employee: Awaited<ReturnType<typeof submittedEmployee>>
let admin: Awaited<ReturnType<typeof signedInOperator>>
let other: Awaited<ReturnType<typeof signedInOperator>>
const from = new Date(Date.now() - 3_600_000).toISOString()
const to = new Date(Date.now() + 3_600_000).toISOString()

beforeAll(async () => {
  context = await createTestContext()
  employee = await submittedEmployee(context)
  await context.db.person.update({ where: { id: employee.employee.id }, data: { employeeNumber: 'E0042' } })
  admin = await signedInOperator(context, { role: 'administrator', companyId: employee.company.id, name: '管理 花子' })
  other = await signedInOperator(context, { role: 'administrator', companyId: employee.company.id, name: '別 担当' })
  const spouseBack = employee.documents.find((d) => d.personId === employee.dependents[0]!.id && d.side === 'BACK')!
  const view = await context.app.inject({
    method: 'GET',
    url: `/api/admin/campaigns/${employee.campaign.id}/documents/${spouseBack.id}/image`,
    headers: admin.headers,
  })
  expect(view.statusCode).toBe(200)
  const record = context.app.services.audit.record
  await record({
    companyId: employee.company.id,
    actorType: 'operator',
    actorId: other.operator.id,
    action: 'export.payroll_csv',
    targetId: employee.campaign.id,
    detail: { persons: 2, personIds: [employee.employee.id, employee.dependents[0]!.id] },
  })
  // Outside the window.
  await context.db
    .$executeRaw`INSERT INTO audit_events (at, company_id, actor_type, actor_id, action, target_id) VALUES (now() - interval '2 days', ${employee.company.id}::uuid, 'operator', ${admin.operator.id}, 'number.revealed', ${employee.employee.id})`
}, 120_000)
afterAll(() => context.close())

const url = (query: string, csv = false) => `/api/admin/companies/${employee.company.id}/access-report${csv ? '.csv' : ''}?${query}`
const window = `from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`

describe('access report', () => {
  it('lists who viewed or exported which persons in the window, optionally for one operator, and records that it was made', async () => {
    const response = await context.app.inject({ method: 'GET', url: url(window), headers: admin.headers })
    expect(response.statusCode, response.body).toBe(200)
    const report = response.json<AccessReportResponse>()
    expect(report.events.map((e) => [e.action, e.actorName])).toEqual([
      ['document.viewed', '管理 花子'],
      ['export.payroll_csv', '別 担当'],
    ])
    expect(report.exported[employee.dependents[0]!.id]).toEqual({ name: '総合 花子', employeeNumber: 'E0042' })
    const mine = await context.app.inject({ method: 'GET', url: url(`${window}&operatorId=${other.operator.id}`), headers: admin.headers })
    expect(mine.json<AccessReportResponse>().events.map((e) => e.action)).toEqual(['export.payroll_csv'])
    const made = await context.db.auditEvent.findMany({ where: { action: 'audit.access_report', actorId: admin.operator.id } })
    expect(made).toHaveLength(2)
    expect(made[1]!.detail).toEqual({ filter: { from, to, operatorId: other.operator.id }, format: 'page' })
  })

  it('writes an export as one CSV line per person it held', async () => {
    const response = await context.app.inject({ method: 'GET', url: url(window, true), headers: admin.headers })
    expect(response.statusCode).toBe(200)
    const lines = response.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n')
    expect(lines[0]).toBe('日時,操作者,操作者のメールアドレス,操作,対象者,社員番号,内容,件数')
    expect(lines).toHaveLength(4)
    expect(lines[1]).toContain(',画像の閲覧,総合 花子（社員番号 E0042） の マイナンバーカード うら面,E0042,')
    expect(lines.slice(2).map((l) => l.split(',').slice(3, 6).join(','))).toEqual([
      '給与システム用 CSV の出力,総合 太郎,E0042',
      '給与システム用 CSV の出力,総合 花子,E0042',
    ])
  })

  it('is for administrators: an operator is refused, another company is not found, a window is required', async () => {
    const operator = await signedInOperator(context, { role: 'operator', companyId: employee.company.id })
    expect((await context.app.inject({ method: 'GET', url: url(window), headers: operator.headers })).statusCode).toBe(403)
    const stranger = await signedInOperator(context, { role: 'administrator' })
    expect((await context.app.inject({ method: 'GET', url: url(window), headers: stranger.headers })).statusCode).toBe(404)
    expect((await context.app.inject({ method: 'GET', url: url('from=x'), headers: admin.headers })).statusCode).toBe(400)
  })
})
