/**
 * Export for payroll: only approved, not disposed persons; the CSV (UTF-8 with BOM and
 * Shift_JIS) parses with HR's number decrypted in 個人番号; the ZIP unzips, its manifest's
 * SHA-256 matches each image, and an image that does not decrypt cuts it (logged); each export is an audit event with ids and counts, never a
 * number; administrators and allowed operators only, another company's campaign 404.
 */
import { createHash } from 'node:crypto'
import { parse as parseCsv } from 'csv-parse/sync'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type ExportableHousehold, exportableHousehold } from './export-household.ts'
import { type TestContext, createTestContext, signedInOperator } from './harness.ts'
import { unzip } from './unzip.ts'

const lines: string[] = []
let context: TestContext
let household: ExportableHousehold
beforeAll(async () => {
  context = await createTestContext({ log: { level: 'trace', stream: { write: (line: string) => void lines.push(line) } } })
  household = await exportableHousehold(context)
}, 120_000)
afterAll(async () => {
  await context.close()
})

type Operator = Awaited<ReturnType<typeof signedInOperator>>
const get = (operator: Operator, url: string) => context.app.inject({ method: 'GET', url, headers: operator.headers })
const csvUrl = (campaignId: string, encoding?: string) => `/api/admin/campaigns/${campaignId}/exports/payroll.csv${encoding ? `?encoding=${encoding}` : ''}`
const zipUrl = (campaignId: string) => `/api/admin/campaigns/${campaignId}/exports/documents.zip`

async function lastExportEvent(action: string) {
  return context.db.auditEvent.findFirstOrThrow({ where: { action, targetId: household.campaign.id }, orderBy: { id: 'desc' } })
}

describe('the payroll CSV', () => {
  it('lists the approved, not disposed persons with the number decrypted (UTF-8 with BOM, CRLF)', async () => {
    const response = await get(household.admin, csvUrl(household.campaign.id))
    expect(response.statusCode, response.body).toBe(200)
    expect(response.headers['cache-control']).toContain('no-store')
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8')
    const disposition = String(response.headers['content-disposition'])
    expect(disposition).toMatch(/^attachment; filename="payroll-\d{8}-utf8\.csv"; filename\*=UTF-8''%E7%B5%A6/)
    const bytes = response.rawPayload
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const text = new TextDecoder('utf-8').decode(bytes.subarray(3))
    expect(text.endsWith('\r\n')).toBe(true)
    expect(text.replaceAll('\r\n', '')).not.toContain('\n')
    const [header, ...rows] = parseCsv(text) as string[][]
    expect(header).toEqual(['社員番号', '氏名', 'フリガナ', '生年月日', '続柄', '個人番号', '番号確認書類', '身元確認書類', '承認日'])
    const employeeNumber = household.employee.employeeNumber
    const today = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Tokyo' }).format(new Date())
    expect(rows).toEqual([
      [
        employeeNumber,
        '髙橋 太郎',
        household.employee.kana,
        household.employee.birthDate.toISOString().slice(0, 10),
        '本人',
        household.number,
        'マイナンバーカード',
        '',
        today,
      ],
      [employeeNumber, '𠮷田 花子', 'ヨシダ ハナコ', '1982-04-12', '配偶者', '', 'マイナンバーカード', '', today],
    ])

    const event = await lastExportEvent('export.payroll_csv')
    expect(event.actorId).toBe(household.admin.operator.id)
    expect(event.detail).toEqual({
      format: 'csv',
      encoding: 'utf-8',
      columns: ['employeeNumber', 'name', 'kana', 'birthDate', 'relationship', 'myNumber', 'numberDocument', 'identityDocuments', 'approvedOn'],
      dateFormat: 'iso',
      persons: 2,
      withoutNumber: 1,
      lossyCharacters: 0,
      personIds: [household.employee.id, household.spouse.id],
    })
  })

  it('writes Shift_JIS (CP932) and counts the characters it cannot hold', async () => {
    const response = await get(household.admin, csvUrl(household.campaign.id, 'shift_jis'))
    expect(response.statusCode, response.body).toBe(200)
    expect(response.headers['x-bango-lossy-characters']).toBe('1')
    expect(String(response.headers['content-disposition'])).toContain('filename="payroll-')
    const text = new TextDecoder('shift_jis').decode(response.rawPayload)
    const [, first, second] = parseCsv(text) as string[][]
    expect(first!.slice(1, 2)).toEqual(['髙橋 太郎'])
    expect(first![5]).toBe(household.number)
    expect(second![1]).toBe('?田 花子')
    expect((await lastExportEvent('export.payroll_csv')).detail).toMatchObject({ format: 'csv', encoding: 'shift_jis', lossyCharacters: 1 })
  })

  it('refuses an unknown encoding', async () => {
    expect((await get(household.admin, csvUrl(household.campaign.id, 'latin1'))).statusCode).toBe(400)
  })
})

describe('the documents ZIP', () => {
  it('holds the approved, not disposed persons’ images and a manifest whose SHA-256 match them', async () => {
    const response = await get(household.admin, zipUrl(household.campaign.id))
    expect(response.statusCode, response.body).toBe(200)
    expect(response.headers['content-type']).toBe('application/zip')
    expect(response.headers['cache-control']).toContain('no-store')
    expect(String(response.headers['content-disposition'])).toMatch(/^attachment; filename="documents-\d{8}\.zip"; filename\*=UTF-8''/)
    const files = await unzip(response.rawPayload)
    const n = household.employee.employeeNumber
    expect([...files.keys()]).toEqual([
      `${n}_髙橋太郎/番号確認書類_おもて.jpg`,
      `${n}_髙橋太郎/番号確認書類_うら.jpg`,
      `${n}_𠮷田花子/番号確認書類_おもて.jpg`,
      `${n}_𠮷田花子/番号確認書類_うら.jpg`,
      'manifest.csv',
    ])
    expect([...files.values()].every((file) => file.utf8)).toBe(true)
    const manifest = files.get('manifest.csv')!.data
    expect([...manifest.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const [header, ...rows] = parseCsv(manifest.subarray(3).toString('utf8')) as string[][]
    expect(header).toEqual(['パス', '社員番号', '氏名', '続柄', '書類', '面', '承認日', 'SHA-256'])
    expect(rows).toHaveLength(4)
    for (const [filePath, employeeNumber, , , kind, , , sha256] of rows) {
      const image = files.get(filePath!)!.data
      expect(image.subarray(0, 2)).toEqual(Buffer.from([0xff, 0xd8]))
      expect(createHash('sha256').update(image).digest('hex')).toBe(sha256)
      expect(employeeNumber).toBe(n)
      expect(kind).toBe('番号確認書類：マイナンバーカード')
    }
    expect(response.rawPayload.includes(Buffer.from(household.number))).toBe(false)

    const event = await lastExportEvent('export.documents_zip')
    expect(event.detail).toEqual({ persons: 2, documents: 4, personIds: [household.employee.id, household.spouse.id] })
  })

  it('breaks off, rather than hangs, at an image that does not decrypt', async () => {
    const broken = await exportableHousehold(context)
    const document = await context.db.document.findFirstOrThrow({ where: { personId: broken.spouse.id, state: 'SUBMITTED' } })
    await context.blobs.put(document.blobKey, Buffer.from('not a Bango blob'))
    // The status and the first images are on their way: the answer is cut, and the error logged.
    await expect(get(broken.admin, zipUrl(broken.campaign.id))).rejects.toThrow('response destroyed before completion')
    expect(lines.some((line) => line.includes('documents ZIP broken off') && line.includes('not a Bango blob'))).toBe(true)
  })
})

describe('who may export', () => {
  it('refuses an operator until an administrator allows them, then lets them; the grant is audited', async () => {
    const operator = await signedInOperator(context, { role: 'operator', companyId: household.company.id })
    for (const url of [csvUrl(household.campaign.id), zipUrl(household.campaign.id)]) {
      const refused = await get(operator, url)
      expect(refused.statusCode).toBe(403)
      expect(refused.json().error.code).toBe('FORBIDDEN')
    }
    const session = await get(operator, '/api/admin/session')
    expect(session.json().companies).toEqual([expect.objectContaining({ id: household.company.id, canExport: false })])

    const operatorUrl = `/api/admin/companies/${household.company.id}/operators/${operator.operator.id}`
    const denied = await context.app.inject({ method: 'PATCH', url: operatorUrl, headers: operator.headers, payload: { canExport: true } })
    expect(denied.statusCode).toBe(403)
    const granted = await context.app.inject({ method: 'PATCH', url: operatorUrl, headers: household.admin.headers, payload: { canExport: true } })
    expect(granted.statusCode, granted.body).toBe(200)
    expect(granted.json()).toMatchObject({ role: 'operator', canExport: true })
    expect((await get(operator, '/api/admin/session')).json().companies[0].canExport).toBe(true)
    expect((await get(operator, csvUrl(household.campaign.id))).statusCode).toBe(200)
    expect((await get(operator, zipUrl(household.campaign.id))).statusCode).toBe(200)
    expect(await context.db.auditEvent.count({ where: { action: 'operator.export_allowed', targetId: operator.operator.id } })).toBe(1)

    const listed = await get(household.admin, `/api/admin/companies/${household.company.id}/operators`)
    expect(listed.json().operators.find((o: { id: string }) => o.id === operator.operator.id).canExport).toBe(true)
    expect(listed.json().operators.find((o: { id: string }) => o.id === household.admin.operator.id).canExport).toBe(true)

    await context.app.inject({ method: 'PATCH', url: operatorUrl, headers: household.admin.headers, payload: { canExport: false } })
    expect((await get(operator, csvUrl(household.campaign.id))).statusCode).toBe(403)
  })

  it('answers 404 to an administrator of another company, and for an unknown campaign', async () => {
    const stranger = await signedInOperator(context, { role: 'administrator' })
    expect((await get(stranger, csvUrl(household.campaign.id))).statusCode).toBe(404)
    expect((await get(stranger, zipUrl(household.campaign.id))).statusCode).toBe(404)
    expect((await get(household.admin, csvUrl('00000000-0000-4000-8000-000000000000'))).statusCode).toBe(404)
  })
})

describe('the number stays in the CSV', () => {
  it('is in no audit row and no log line', async () => {
    const events = await context.db.auditEvent.findMany()
    expect(events.length).toBeGreaterThan(5)
    expect(JSON.stringify(events, (_key, value) => (typeof value === 'bigint' ? String(value) : value))).not.toContain(household.number)
    expect(lines.length).toBeGreaterThan(10)
    expect(lines.join('\n')).not.toContain(household.number)
  })
})
