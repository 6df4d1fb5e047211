/**
 * What the export suites export: one household of a campaign with every reason a person is or
 * is not in a payroll file (admin-export.test.ts, payroll-file.test.ts).
 */
import { expect } from 'vitest'
import { type TestContext, imageUpload, signedInEmployee, signedInOperator } from './harness.ts'
import { cardPhoto } from './images.ts'
import { validNumber } from './number-helpers.ts'

/**
 * The employee (髙 in the name; number recorded), 配偶者 (𠮷 in the name, no number recorded),
 * 子 (approved, then disposed) all registered with a マイナンバーカード; 母 対象外 (never approved).
 */
export async function exportableHousehold(context: TestContext) {
  const photo = await cardPhoto()
  const employee = await signedInEmployee(context, {
    dependents: [
      { name: '𠮷田 花子', kana: 'ヨシダ ハナコ', relationship: '配偶者', birthDate: '1982-04-12' },
      { name: '髙橋 一郎', kana: 'タカハシ イチロウ', relationship: '子', birthDate: '2012-09-30' },
      { name: '髙橋 ウメ', kana: 'タカハシ ウメ', relationship: '母', birthDate: '1950-01-02' },
    ],
  })
  const renamed = await context.db.person.update({ where: { id: employee.employee.id }, data: { name: '髙橋 太郎', employeeNumber: 'E-0001' } })
  const [spouse, child, mother] = employee.dependents as [typeof employee.employee, typeof employee.employee, typeof employee.employee]
  for (const person of [employee.employee, spouse, child]) {
    for (const side of ['front', 'back']) {
      const body = imageUpload({ role: 'number', slot: 0, side, type: 'my_number_card' }, photo)
      const response = await context.app.inject({
        method: 'POST',
        url: `/api/employee/persons/${person.id}/images`,
        headers: { ...employee.auth, ...body.headers },
        payload: body.payload,
      })
      expect(response.statusCode, response.body).toBe(201)
    }
    const registered = await context.app.inject({
      method: 'POST',
      url: `/api/employee/persons/${person.id}/registration`,
      headers: employee.auth,
      payload: { numberDocument: { type: 'my_number_card', hasBack: true }, identity: null },
    })
    expect(registered.statusCode, registered.body).toBe(200)
  }
  await context.app.inject({ method: 'PUT', url: `/api/employee/persons/${mother.id}/applicability`, headers: employee.auth, payload: { applicable: false } })
  expect((await context.app.inject({ method: 'POST', url: '/api/employee/submission', headers: employee.auth })).statusCode).toBe(200)

  const admin = await signedInOperator(context, { role: 'administrator', companyId: employee.company.id })
  const second = await signedInOperator(context, { role: 'administrator', companyId: employee.company.id })
  const personUrl = (personId: string) => `/api/admin/campaigns/${employee.campaign.id}/employees/${employee.employee.id}/persons/${personId}`
  for (const person of [employee.employee, spouse, child]) {
    const approved = await context.app.inject({ method: 'POST', url: `${personUrl(person.id)}/approve`, headers: admin.headers })
    expect(approved.statusCode, approved.body).toBe(200)
  }
  const number = validNumber()
  for (const [operator, confirm] of [
    [admin, false],
    [second, true],
  ] as const) {
    const entry = await context.app.inject({
      method: 'PUT',
      url: `${personUrl(employee.employee.id)}/number/entries`,
      headers: operator.headers,
      payload: { number, confirm },
    })
    expect(entry.statusCode, entry.body).toBe(200)
  }
  const disposed = await context.app.inject({ method: 'POST', url: `${personUrl(child.id)}/dispose`, headers: admin.headers, payload: { reason: 'テスト' } })
  expect(disposed.statusCode, disposed.body).toBe(200)
  return { ...employee, employee: renamed, admin, number, spouse, child, mother }
}
export type ExportableHousehold = Awaited<ReturnType<typeof exportableHousehold>>
