/**
 * 廃棄 from the console: what is destroyed (blobs, document rows, numbers — nothing left in any
 * column that could decrypt again), what the tombstone and the record keep, who may do it, and
 * that the employee's session ends.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createCampaign, createCompany, createEmployee } from './factories.ts'
import { documentAad } from '../src/domain/drafts.ts'
import { decryptBlob } from '../src/lib/envelope.ts'
import { type TestContext, createTestContext, signedInOperator } from './harness.ts'
import { submittedEmployee } from './submitted.ts'

let context: TestContext
beforeAll(async () => {
  context = await createTestContext()
}, 60_000)
afterAll(() => context.close())

const REASON = '退職に伴う廃棄'
const admin = (method: 'GET' | 'POST', url: string, headers: Record<string, string>, payload?: object) =>
  context.app.inject({ method, url: `/api/admin${url}`, headers, ...(payload ? { payload } : {}) })
const disposeUrl = (s: { campaign: { id: string }; employee: { id: string } }, personId: string) =>
  `/campaigns/${s.campaign.id}/employees/${s.employee.id}/persons/${personId}/dispose`

/** Every bytea and text-like column of every table, as hex, concatenated: what a database backup holds. */
async function databaseHex(): Promise<string> {
  const columns = await context.db.$queryRaw<{ table_name: string; column_name: string; data_type: string }[]>`
    SELECT table_name, column_name, data_type FROM information_schema.columns
    WHERE table_schema = current_schema() AND data_type IN ('bytea', 'text', 'character varying', 'jsonb', 'ARRAY')`
  const parts: string[] = []
  for (const c of columns) {
    const expression = c.data_type === 'bytea' ? `encode("${c.column_name}", 'hex')` : `encode(convert_to("${c.column_name}"::text, 'UTF8'), 'hex')`
    const rows = await context.db.$queryRawUnsafe<{ v: string | null }[]>(`SELECT ${expression} AS v FROM "${c.table_name}"`)
    for (const row of rows) if (row.v) parts.push(row.v)
  }
  return parts.join('|')
}

/** The wrapped data key and a slice of ciphertext of an envelope (lib/envelope.ts layout), as hex. */
function secretsOf(envelope: Buffer): string[] {
  const keyIdLength = envelope[4]!
  const wrapped = envelope.subarray(5 + keyIdLength + 12, 5 + keyIdLength + 12 + 32)
  const body = envelope.subarray(5 + keyIdLength + 12 + 32 + 16 + 12 + 16)
  return [wrapped.toString('hex'), body.subarray(0, 32).toString('hex'), envelope.toString('base64').slice(20, 60)]
}

describe('disposing of an employee', () => {
  it('destroys every blob, document row and number of the household, keeps a tombstone and a record without the number', async () => {
    const s = await submittedEmployee(context)
    const { headers, operator } = await signedInOperator(context, { role: 'administrator', companyId: s.company.id })
    const store = context.blobs
    const blobs = await Promise.all(s.documents.map(async (document) => ({ document, bytes: await store.get(document.blobKey) })))
    const numbers = (await context.db.person.findMany({ where: { id: { in: s.householdIds } } })).flatMap((p) =>
      p.employeeEnteredNumber ? [Buffer.from(p.employeeEnteredNumber)] : [],
    )
    expect(numbers).toHaveLength(2)
    // Readable with the keys before disposal: the test below can fail.
    expect(decryptBlob(context.secrets.keyring, blobs[0]!.bytes, documentAad(blobs[0]!.document)).length).toBeGreaterThan(100)
    const secrets = [...blobs.flatMap((b) => secretsOf(b.bytes)), ...numbers.flatMap(secretsOf)]
    const before = await databaseHex()
    expect(numbers.flatMap(secretsOf).some((hex) => before.includes(hex.toLowerCase()) || before.includes(Buffer.from(hex).toString('hex')))).toBe(true)

    const response = await admin('POST', disposeUrl(s, s.employee.id), headers, { reason: REASON })
    expect(response.statusCode, response.body).toBe(200)
    expect(response.json()).toEqual({ persons: 3, images: 4 })

    // No blob, no document row, no copy of a wrapped key or ciphertext in any column.
    // Decrypting needs the blob: it is gone, and with it the only copy of its wrapped data key.
    for (const { document } of blobs) {
      await expect(store.get(document.blobKey).then((bytes) => decryptBlob(context.secrets.keyring, bytes, documentAad(document)))).rejects.toThrow(/not found/)
    }
    const stored = new Set<string>()
    for await (const blob of store.list()) stored.add(blob.key)
    expect(blobs.filter(({ document }) => stored.has(document.blobKey))).toEqual([])
    expect(await context.db.document.count({ where: { personId: { in: s.householdIds } } })).toBe(0)
    const after = await databaseHex()
    for (const hex of secrets) {
      expect(after.includes(hex.toLowerCase())).toBe(false)
      expect(after.includes(Buffer.from(hex).toString('hex'))).toBe(false)
    }
    for (const number of s.myNumbers) expect(after.includes(Buffer.from(number).toString('hex'))).toBe(false)

    // The tombstone: who it was, nothing else of theirs.
    const employeeRow = await context.db.person.findUniqueOrThrow({ where: { id: s.employee.id } })
    expect(employeeRow).toMatchObject({
      name: s.employee.name,
      kana: s.employee.kana,
      relationship: '本人',
      registration: null,
      registeredAt: null,
      employeeEnteredNumber: null,
      email: null,
    })
    expect(employeeRow.disposedAt).toBeInstanceOf(Date)

    const records = await context.db.disposalRecord.findMany({ where: { personId: { in: s.householdIds } }, orderBy: { imageCount: 'desc' } })
    expect(records).toHaveLength(3)
    expect(records.every((r) => r.trigger === 'PERSON' && r.reason === REASON && r.disposedById === operator.id)).toBe(true)
    expect(records.map((r) => r.imageCount)).toEqual([2, 2, 0])
    expect(records[0]!.documentKinds).toEqual(['number:my_number_card', 'employee_entered_number'])
    expect(records[2]!.documentKinds).toEqual([])
    const audit = await context.db.auditEvent.findMany({ where: { action: 'person.disposed', targetId: s.employee.id } })
    expect(audit).toHaveLength(1)
    expect(audit[0]!.detail).toEqual({ persons: 3, images: 4 })
    const everything = JSON.stringify({ records, audit: await context.db.auditEvent.findMany({ where: { companyId: s.company.id } }) }, (_, v) =>
      typeof v === 'bigint' ? String(v) : v,
    )
    for (const number of s.myNumbers) expect(everything).not.toContain(number)

    // The employee's login ended with their data (disposal-credential.test.ts).
    expect((await s.call('GET', '/me')).json().error.code).toBe('UNAUTHENTICATED')

    // Twice is a conflict, and changes nothing.
    expect((await admin('POST', disposeUrl(s, s.employee.id), headers, { reason: REASON })).statusCode).toBe(409)
  })

  it('a dependent alone: the employee keeps their documents and reads which person was disposed of', async () => {
    const s = await submittedEmployee(context)
    const { headers } = await signedInOperator(context, { role: 'administrator', companyId: s.company.id })
    const dependent = s.dependents[0]!
    const response = await admin('POST', disposeUrl(s, dependent.id), headers, { reason: REASON })
    expect(response.json()).toEqual({ persons: 1, images: 2 })
    expect(await context.db.document.count({ where: { personId: s.employee.id } })).toBe(2)
    const me = (await s.call('GET', '/me')).json()
    expect(me.disposedPersons).toEqual([{ name: dependent.name, disposedAt: expect.any(String) }])
    expect((await s.call('GET', '/persons')).statusCode).toBe(200)
    const detail = (await admin('GET', `/campaigns/${s.campaign.id}/employees/${s.employee.id}`, headers)).json()
    expect(detail.persons.find((p: { id: string }) => p.id === dependent.id).disposedAt).toEqual(expect.any(String))
  })

  it('refuses operators (403), other companies (404), drafts of an open campaign (409) and a bad reason (400), destroying nothing', async () => {
    const s = await submittedEmployee(context)
    const operator = await signedInOperator(context, { role: 'operator', companyId: s.company.id })
    const stranger = await signedInOperator(context, { role: 'administrator' })
    const own = await signedInOperator(context, { role: 'administrator', companyId: s.company.id })
    expect((await admin('POST', disposeUrl(s, s.employee.id), operator.headers, { reason: REASON })).json().error.code).toBe('FORBIDDEN')
    expect((await admin('POST', `/campaigns/${s.campaign.id}/dispose`, operator.headers, { reason: REASON })).json().error.code).toBe('FORBIDDEN')
    expect((await admin('GET', `/companies/${s.company.id}/disposals`, operator.headers)).json().error.code).toBe('FORBIDDEN')
    expect((await admin('POST', disposeUrl(s, s.employee.id), stranger.headers, { reason: REASON })).statusCode).toBe(404)
    expect((await admin('GET', `/campaigns/${s.campaign.id}/disposal/preview`, stranger.headers)).statusCode).toBe(404)
    expect((await admin('POST', disposeUrl(s, s.employee.id), own.headers, { reason: '理由\u0007' })).statusCode).toBe(400)
    expect((await admin('POST', disposeUrl(s, s.employee.id), own.headers, { reason: 'x'.repeat(201) })).statusCode).toBe(400)
    // A person of another employee under this employee's path is not found.
    const other = await submittedEmployee(context)
    expect((await admin('POST', disposeUrl(s, other.employee.id), own.headers, { reason: REASON })).statusCode).toBe(404)
    // An employee still drafting in an open campaign: the draft is theirs.
    const drafting = await createEmployee(context.db, s.campaign.id)
    expect(
      (
        await admin('POST', `/campaigns/${s.campaign.id}/employees/${drafting.employee.id}/persons/${drafting.employee.id}/dispose`, own.headers, {
          reason: REASON,
        })
      ).statusCode,
    ).toBe(409)
    expect(await context.db.document.count({ where: { personId: { in: s.householdIds } } })).toBe(4)
    expect(await context.db.person.count({ where: { id: { in: s.householdIds }, disposedAt: { not: null } } })).toBe(0)
  })
})

describe('disposing of a campaign', () => {
  it('needs a closed campaign, then disposes of every person and lists the records newest first, page by page', async () => {
    const s = await submittedEmployee(context)
    const { headers } = await signedInOperator(context, { role: 'administrator', companyId: s.company.id })
    const open = await admin('POST', `/campaigns/${s.campaign.id}/dispose`, headers, { reason: REASON })
    expect(open.statusCode).toBe(409)
    expect(open.json().error.code).toBe('CAMPAIGN_OPEN')
    for (let i = 0; i < 20; i++) await createEmployee(context.db, s.campaign.id)
    expect((await admin('POST', `/campaigns/${s.campaign.id}/close`, headers)).statusCode).toBe(200)

    const response = await admin('POST', `/campaigns/${s.campaign.id}/dispose`, headers, { reason: REASON })
    expect(response.statusCode, response.body).toBe(200)
    expect(response.json()).toEqual({ persons: 63, images: 4 })
    expect(await context.db.person.count({ where: { campaignId: s.campaign.id, disposedAt: null } })).toBe(0)
    expect(await context.db.auditEvent.count({ where: { action: 'campaign.disposed', targetId: s.campaign.id } })).toBe(1)
    expect((await s.call('GET', '/me')).statusCode).toBe(401)

    const seen: string[] = []
    let url = `/companies/${s.company.id}/disposals`
    for (;;) {
      const page = await admin('GET', url, headers)
      expect(page.statusCode, page.body).toBe(200)
      const body = page.json()
      seen.push(...body.records.map((r: { id: string }) => r.id))
      for (const record of body.records)
        expect(record).toMatchObject({ trigger: 'campaign', reason: REASON, campaignName: s.campaign.name, disposedBy: { name: expect.any(String) } })
      if (!body.nextCursor) break
      expect(body.records).toHaveLength(50)
      url = `/companies/${s.company.id}/disposals?cursor=${body.nextCursor}`
    }
    expect(new Set(seen).size).toBe(63)
    expect((await admin('GET', `/companies/${s.company.id}/disposals?cursor=not-a-cursor`, headers)).statusCode).toBe(400)
  })

  it('another company’s records stay out of the list', async () => {
    const company = await createCompany(context.db)
    await createCampaign(context.db, company.id)
    const { headers } = await signedInOperator(context, { role: 'administrator', companyId: company.id })
    expect((await admin('GET', `/companies/${company.id}/disposals`, headers)).json()).toEqual({ records: [], nextCursor: null })
  })
})
