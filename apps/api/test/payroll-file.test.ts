/**
 * The payroll file HR imports without hand work (ADR 046): the Excel workbook beside the CSV,
 * with the number, 社員番号 and codes in text cells; the company's saved layout (columns, order,
 * headers, date format), audited and only for those who may export; 世帯連番 and 続柄コード;
 * and the summary of who is in the file and why the others are not.
 */
import { PAYROLL_PRESETS, type PayrollLayout } from '@bango/shared/admin-export'
import { parse as parseCsv } from 'csv-parse/sync'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type ExportableHousehold, exportableHousehold } from './export-household.ts'
import type { Prisma } from '../src/generated/prisma/client.ts'
import { type TestContext, createTestContext, signedInOperator } from './harness.ts'
import { readSheet } from './xlsx-sheet.ts'

let context: TestContext
let household: ExportableHousehold
/** A dependent added after the others (typed 「son」), approved: 世帯連番 4, after the disposed child's 2 and the mother's 3. */
let son: { id: string }
beforeAll(async () => {
  context = await createTestContext()
  household = await exportableHousehold(context)
  son = await context.db.person.create({
    data: {
      campaignId: household.campaign.id,
      employeeId: household.employee.id,
      kind: 'DEPENDENT',
      name: '髙橋 次郎',
      kana: 'タカハシ ジロウ',
      relationship: 'son',
      birthDate: new Date('2019-05-01'),
      status: 'REGISTERED',
      reviewStatus: 'APPROVED',
      reviewedAt: new Date('2026-12-06T16:00:00Z'),
    },
  })
}, 120_000)
afterAll(async () => {
  await context.close()
})

type Operator = Awaited<ReturnType<typeof signedInOperator>>
const get = (operator: Operator, url: string) => context.app.inject({ method: 'GET', url, headers: operator.headers })
const exportsUrl = () => `/api/admin/campaigns/${household.campaign.id}/exports`
const layoutUrl = () => `/api/admin/companies/${household.company.id}/exports/layout`
const putLayout = (operator: Operator, layout: PayrollLayout) =>
  context.app.inject({ method: 'PUT', url: layoutUrl(), headers: operator.headers, payload: layout })

async function csvRows(operator: Operator) {
  const response = await get(operator, `${exportsUrl()}/payroll.csv`)
  expect(response.statusCode, response.body).toBe(200)
  return parseCsv(response.rawPayload.subarray(3).toString('utf8')) as string[][]
}

async function workbook(operator: Operator) {
  const response = await get(operator, `${exportsUrl()}/payroll.xlsx`)
  expect(response.statusCode, response.body).toBe(200)
  return { response, sheet: await readSheet(response.rawPayload) }
}

const lastExport = () =>
  context.db.auditEvent.findFirstOrThrow({ where: { action: 'export.payroll_csv', targetId: household.campaign.id }, orderBy: { id: 'desc' } })

describe('the payroll workbook (.xlsx)', () => {
  it('holds the persons of the CSV in the default layout, the number and 社員番号 as text cells, audited with its format', async () => {
    const { response, sheet } = await workbook(household.admin)
    expect(response.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    expect(response.headers['cache-control']).toContain('no-store')
    expect(String(response.headers['content-disposition'])).toMatch(/^attachment; filename="payroll-\d{8}\.xlsx"; filename\*=UTF-8''/)
    const values = sheet.rows.map((row) => row.map((cell) => cell.value))
    expect(values[0]).toEqual(['社員番号', '氏名', 'フリガナ', '生年月日', '続柄', '個人番号', '番号確認書類', '身元確認書類', '承認日'])
    expect(values.slice(1).map((row) => row[1])).toEqual(['髙橋 太郎', '𠮷田 花子', '髙橋 次郎'])
    const employee = sheet.rows[1]!
    const number = employee.find((cell) => cell.ref === 'F2')!
    expect(number).toEqual({ ref: 'F2', numFmt: 49, type: 'inlineStr', value: household.number })
    expect(employee.find((cell) => cell.ref === 'A2')).toMatchObject({ numFmt: 49, type: 'inlineStr', value: 'E-0001' })
    // Dates as text in the default layout: 2019-05-01, as a payroll import reads it.
    expect(sheet.rows[3]!.find((cell) => cell.ref === 'D4')).toMatchObject({ numFmt: 49, type: 'inlineStr', value: '2019-05-01' })
    // The spouse has no recorded number: the cell is left empty.
    expect(sheet.rows[2]!.some((cell) => cell.ref === 'F3')).toBe(false)

    const event = await lastExport()
    expect(event.detail).toEqual({
      format: 'xlsx',
      columns: ['employeeNumber', 'name', 'kana', 'birthDate', 'relationship', 'myNumber', 'numberDocument', 'identityDocuments', 'approvedOn'],
      dateFormat: 'iso',
      persons: 3,
      withoutNumber: 2,
      personIds: [household.employee.id, household.spouse.id, son.id],
    })
    expect(JSON.stringify(event.detail)).not.toContain(household.number)
  })
})

describe("the company's layout", () => {
  it('is the 標準 preset until saved', async () => {
    const response = await get(household.admin, layoutUrl())
    expect(response.statusCode, response.body).toBe(200)
    expect(response.json()).toEqual({ layout: PAYROLL_PRESETS[0].layout, isDefault: true })
  })

  it('once saved, orders and names the columns of both files, with 世帯連番, 続柄コード and era dates; the change is audited before and after', async () => {
    const layout: PayrollLayout = {
      columns: [
        { key: 'employeeNumber', header: '従業員コード' },
        { key: 'householdSequence', header: '家族連番' },
        { key: 'relationshipCode', header: '続柄区分' },
        { key: 'relationshipLabel', header: '続柄名' },
        { key: 'relationship', header: '続柄（入力）' },
        { key: 'birthDate', header: '生年月日' },
        { key: 'myNumber', header: 'マイナンバー' },
      ],
      dateFormat: 'era',
      datesAsText: true,
    }
    const saved = await putLayout(household.admin, layout)
    expect(saved.statusCode, saved.body).toBe(200)
    expect(saved.json()).toEqual({ layout, isDefault: false })
    expect((await get(household.admin, layoutUrl())).json()).toEqual({ layout, isDefault: false })

    expect(await csvRows(household.admin)).toEqual([
      ['従業員コード', '家族連番', '続柄区分', '続柄名', '続柄（入力）', '生年月日', 'マイナンバー'],
      ['E-0001', '0', '00', '本人', '本人', expect.stringMatching(/^(昭和|平成)/), household.number],
      ['E-0001', '1', '01', '配偶者', '配偶者', '昭和57年4月12日', ''],
      ['E-0001', '4', '02', '子', 'son', '令和元年5月1日', ''],
    ])
    const { sheet } = await workbook(household.admin)
    const son = sheet.rows[3]!
    expect(son.map((cell) => [cell.ref, cell.value, cell.type, cell.numFmt])).toEqual([
      ['A4', 'E-0001', 'inlineStr', 49],
      ['B4', '4', 'n', 0],
      ['C4', '02', 'inlineStr', 49],
      ['D4', '子', 'inlineStr', 49],
      ['E4', 'son', 'inlineStr', 49],
      ['F4', '令和元年5月1日', 'inlineStr', 49],
    ])
    expect((await lastExport()).detail).toMatchObject({ format: 'xlsx', dateFormat: 'era', columns: layout.columns.map((c) => c.key) })

    const change = await context.db.auditEvent.findFirstOrThrow({ where: { action: 'export.layout_updated', targetId: household.company.id } })
    expect(change.actorId).toBe(household.admin.operator.id)
    expect(change.detail).toEqual({ before: PAYROLL_PRESETS[0].layout, after: layout })
    // Saving the same layout again records nothing.
    expect((await putLayout(household.admin, layout)).statusCode).toBe(200)
    expect(await context.db.auditEvent.count({ where: { action: 'export.layout_updated', targetId: household.company.id } })).toBe(1)
  })

  it('writes dates as date cells in the chosen format when not asked for text, and only the chosen columns', async () => {
    const layout: PayrollLayout = {
      columns: [
        { key: 'name', header: '氏名' },
        { key: 'birthDate', header: '生年月日' },
      ],
      dateFormat: 'slash',
      datesAsText: false,
    }
    expect((await putLayout(household.admin, layout)).statusCode).toBe(200)
    const { sheet } = await workbook(household.admin)
    expect(sheet.rows[3]).toEqual([
      { ref: 'A4', numFmt: 49, type: 'inlineStr', value: '髙橋 次郎' },
      { ref: 'B4', numFmt: 165, type: 'n', value: '43586' },
    ])
    expect(sheet.sheet).not.toContain(household.number)
    expect((await csvRows(household.admin))[3]).toEqual(['髙橋 次郎', '2019/05/01'])
  })

  it('is refused to an operator not allowed to export, and saved by one who is', async () => {
    const operator = await signedInOperator(context, { role: 'operator', companyId: household.company.id })
    const minimal = PAYROLL_PRESETS.find((p) => p.id === 'minimal')!.layout
    expect((await get(operator, layoutUrl())).statusCode).toBe(403)
    expect((await putLayout(operator, minimal)).statusCode).toBe(403)
    await context.db.companyAssignment.update({
      where: { operatorId_companyId: { operatorId: operator.operator.id, companyId: household.company.id } },
      data: { canExport: true },
    })
    const saved = await putLayout(operator, minimal)
    expect(saved.statusCode, saved.body).toBe(200)
    expect((await csvRows(operator))[0]).toEqual(['社員番号', '氏名', '続柄コード', '個人番号'])
    const change = await context.db.auditEvent.findFirstOrThrow({ where: { action: 'export.layout_updated' }, orderBy: { id: 'desc' } })
    expect(change.actorId).toBe(operator.operator.id)
  })

  it('writes a header typed as a formula as text: marked in the CSV (ADR 032), a string cell in the workbook', async () => {
    const layout: PayrollLayout = { columns: [{ key: 'name', header: '=HYPERLINK("https://evil.example/","x")' }], dateFormat: 'iso', datesAsText: true }
    expect((await putLayout(household.admin, layout)).statusCode).toBe(200)
    expect((await csvRows(household.admin))[0]).toEqual(['\'=HYPERLINK("https://evil.example/","x")'])
    const { sheet } = await workbook(household.admin)
    expect(sheet.rows[0]).toEqual([{ ref: 'A1', numFmt: 49, type: 'inlineStr', value: '=HYPERLINK("https://evil.example/","x")' }])
    expect(sheet.sheet).not.toContain('<f>')
  })

  it('refuses a column twice and a header twice, and another company’s administrator', async () => {
    const twice = {
      columns: [
        { key: 'name', header: '氏名' },
        { key: 'name', header: '名前' },
      ],
      dateFormat: 'iso',
      datesAsText: true,
    }
    const response = await context.app.inject({ method: 'PUT', url: layoutUrl(), headers: household.admin.headers, payload: twice })
    expect(response.statusCode).toBe(400)
    const sameHeader = {
      columns: [
        { key: 'name', header: '氏名' },
        { key: 'kana', header: '氏名' },
      ],
      dateFormat: 'iso',
      datesAsText: true,
    }
    expect((await context.app.inject({ method: 'PUT', url: layoutUrl(), headers: household.admin.headers, payload: sameHeader })).statusCode).toBe(400)
    const stranger = await signedInOperator(context, { role: 'administrator' })
    expect((await get(stranger, layoutUrl())).statusCode).toBe(404)
  })
})

describe('the export summary', () => {
  it('counts who the file holds, who has no number yet, and each reason the others are left out', async () => {
    const campaignId = household.campaign.id
    const person = (data: { kind: 'EMPLOYEE' | 'DEPENDENT' } & Partial<Prisma.PersonUncheckedCreateInput>): Prisma.PersonUncheckedCreateInput => ({
      campaignId,
      name: '別 世帯',
      kana: 'ベツ セタイ',
      relationship: '本人',
      birthDate: new Date('1990-01-01'),
      ...data,
    })
    // Not sent yet: an employee and their dependent. Sent, waiting: one. Sent back: one.
    const unsent = await context.db.person.create({ data: person({ kind: 'EMPLOYEE', employeeNumber: 'E-0100' }) })
    await context.db.person.create({ data: person({ kind: 'DEPENDENT', employeeId: unsent.id, relationship: '子' }) })
    const waiting = await context.db.person.create({ data: person({ kind: 'EMPLOYEE', employeeNumber: 'E-0101', status: 'REGISTERED' }) })
    await context.db.submission.create({ data: { employeeId: waiting.id } })
    const returned = await context.db.person.create({ data: person({ kind: 'EMPLOYEE', employeeNumber: 'E-0102', reviewStatus: 'RETURNED' }) })
    await context.db.submission.create({ data: { employeeId: returned.id } })

    const response = await get(household.admin, `${exportsUrl()}/summary`)
    expect(response.statusCode, response.body).toBe(200)
    expect(response.json()).toEqual({
      exported: 3,
      withoutNumber: 2,
      left: { notSubmitted: 2, inReview: 1, returned: 1, notApplicable: 1, disposed: 1 },
    })
  })
})
