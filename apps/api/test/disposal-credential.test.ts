/**
 * 廃棄 ends the employee's credential: afterwards its password, a session opened before and a
 * hand-off code answer exactly like an unknown link's — the link itself says only that the
 * records were disposed of (ADR 041) — and HR cannot issue or
 * re-issue a login to the disposed employee (409 PERSON_DISPOSED) — from the console or any
 * other path that writes a credential.
 */
import { randomBytes } from 'node:crypto'
import fs from 'node:fs/promises'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createEmployee } from './factories.ts'
import { MIGRATIONS_DIR } from '../src/db/migrate.ts'
import { type TestContext, createTestContext, sameErrorBody, signedInEmployee, signedInOperator } from './harness.ts'
import { submittedEmployee } from './submitted.ts'

let context: TestContext
beforeAll(async () => {
  context = await createTestContext()
}, 60_000)
afterAll(() => context.close())

const REASON = '退職に伴う廃棄'
const employeeApi = (method: 'GET' | 'POST', url: string, headers: Record<string, string> = {}, payload?: object) =>
  context.app.inject({ method, url: `/api/employee${url}`, headers, ...(payload ? { payload } : {}) })
const admin = (url: string, headers: Record<string, string>, payload?: object) =>
  context.app.inject({ method: 'POST', url: `/api/admin${url}`, headers, ...(payload ? { payload } : {}) })

/** What an unknown link answers to sign-in. */
async function unknownLinkAnswers() {
  const token = randomBytes(32).toString('base64url')
  return { login: await employeeApi('POST', '/login', {}, { token, password: 'abcdefghijkm' }) }
}

describe('a disposed employee’s login', () => {
  it('signs in, keeps a session and refreshes it like an unknown link; /link says only that the records were disposed of (ADR 041)', async () => {
    const s = await submittedEmployee(context)
    const { headers } = await signedInOperator(context, { role: 'administrator', companyId: s.company.id })
    expect((await employeeApi('GET', '/me', s.auth)).statusCode).toBe(200)

    const disposed = await admin(`/campaigns/${s.campaign.id}/employees/${s.employee.id}/persons/${s.employee.id}/dispose`, headers, { reason: REASON })
    expect(disposed.statusCode, disposed.body).toBe(200)

    const unknown = await unknownLinkAnswers()
    const login = await employeeApi('POST', '/login', {}, { token: s.token, password: s.password })
    expect(login.statusCode).toBe(unknown.login.statusCode)
    expect(sameErrorBody(login.body)).toEqual(sameErrorBody(unknown.login.body))
    // The link's holder is told what happened, and nothing else: no session, no name, no document.
    const link = await employeeApi('POST', '/link', {}, { token: s.token })
    expect(link.statusCode).toBe(200)
    expect(link.json()).toEqual({
      companyName: s.company.name,
      contact: s.campaign.contact,
      closed: false,
      pending: false,
      disposal: { at: expect.any(String), by: 'company', submitted: true },
    })
    // The session opened before the disposal ended with it.
    for (const [method, url] of [
      ['GET', '/me'],
      ['POST', '/session/refresh'],
      ['GET', '/persons'],
    ] as const) {
      const response = await employeeApi(method, url, s.auth)
      expect(response.statusCode, `${method} ${url}`).toBe(401)
      expect(response.json().error.code).toBe('UNAUTHENTICATED')
    }
    expect(await context.db.employeeSession.count({ where: { credential: { employeeId: s.employee.id }, revokedAt: null } })).toBe(0)
  })

  it('a closed campaign disposed of: the open session issues no hand-off code and an earlier code opens nothing', async () => {
    // Never handed in, so the session is not receipt-only and reaches the hand-off routes.
    const e = await signedInEmployee(context)
    const { headers } = await signedInOperator(context, { role: 'administrator', companyId: e.company.id })
    const issued = await employeeApi('POST', '/session/handoff', e.auth)
    expect(issued.statusCode, issued.body).toBe(201)
    const code: string = issued.json().code
    expect((await admin(`/campaigns/${e.campaign.id}/close`, headers)).statusCode).toBe(200)
    expect((await admin(`/campaigns/${e.campaign.id}/dispose`, headers, { reason: REASON })).statusCode).toBe(200)

    const handoff = await employeeApi('POST', '/session/handoff', e.auth)
    expect(handoff.statusCode).toBe(401)
    expect(handoff.json().error.code).toBe('UNAUTHENTICATED')
    expect((await employeeApi('GET', '/me', e.auth)).statusCode).toBe(401)
    const redeemed = await employeeApi('POST', '/session/handoff/redeem', {}, { code })
    const unknownCode = await employeeApi('POST', '/session/handoff/redeem', {}, { code: randomBytes(32).toString('base64url') })
    expect(redeemed.statusCode).toBe(unknownCode.statusCode)
    expect(sameErrorBody(redeemed.body)).toEqual(sameErrorBody(unknownCode.body))
    const login = await employeeApi('POST', '/login', {}, { token: e.token, password: e.password })
    expect(sameErrorBody(login.body)).toEqual(sameErrorBody((await unknownLinkAnswers()).login.body))
  })
})

describe('issuing to a disposed employee', () => {
  it('is refused with 409 PERSON_DISPOSED, alone or among others, and nothing is issued', async () => {
    const s = await submittedEmployee(context)
    const { headers } = await signedInOperator(context, { role: 'administrator', companyId: s.company.id })
    const colleague = await createEmployee(context.db, s.campaign.id)
    expect(
      (await admin(`/campaigns/${s.campaign.id}/employees/${s.employee.id}/persons/${s.employee.id}/dispose`, headers, { reason: REASON })).statusCode,
    ).toBe(200)
    const before = await context.db.credential.findMany({ where: { campaignId: s.campaign.id }, orderBy: { id: 'asc' } })

    for (const employeeIds of [[s.employee.id], [colleague.employee.id, s.employee.id]]) {
      const response = await admin(`/campaigns/${s.campaign.id}/credentials`, headers, { employeeIds })
      expect(response.statusCode, response.body).toBe(409)
      expect(response.json().error.code).toBe('PERSON_DISPOSED')
    }
    expect(await context.db.credential.findMany({ where: { campaignId: s.campaign.id }, orderBy: { id: 'asc' } })).toEqual(before)
    // Every writer of a credential refuses (the e-mail worker's path too).
    await expect(context.app.services.credentials.issue(s.employee.id)).rejects.toMatchObject({ code: 'PERSON_DISPOSED' })
    const login = await employeeApi('POST', '/login', {}, { token: s.token, password: s.password })
    expect(login.statusCode).toBe(401)
    // The whole campaign without a selection: the colleague only.
    const all = await admin(`/campaigns/${s.campaign.id}/credentials`, headers, {})
    expect(all.statusCode, all.body).toBe(200)
    expect(all.json().credentials.map((c: { employeeId: string }) => c.employeeId)).toEqual([colleague.employee.id])
  })
})

describe('persons disposed of before disposal ended the login', () => {
  it('lose their login and the fields left behind with migration 20261207020000', async () => {
    const s = await submittedEmployee(context)
    const { headers, operator } = await signedInOperator(context, { role: 'administrator', companyId: s.company.id })
    const batch = await context.db.emailBatch.create({ data: { campaignId: s.campaign.id, kind: 'CREDENTIALS', createdById: operator.id } })
    await context.db.emailMessage.create({ data: { batchId: batch.id, employeeId: s.employee.id, status: 'FAILED', error: '550 <taro@example.jp>: unknown' } })
    expect(
      (await admin(`/campaigns/${s.campaign.id}/employees/${s.employee.id}/persons/${s.employee.id}/dispose`, headers, { reason: REASON })).statusCode,
    ).toBe(200)
    // What an earlier disposal left: a live credential, HR's note, the relay's reply.
    await context.db.credential.update({ where: { employeeId: s.employee.id }, data: { revokedAt: null } })
    await context.db.person.update({ where: { id: s.employee.id }, data: { returnReason: 'other', returnNote: '住所が読めません' } })
    await context.db.emailMessage.updateMany({ where: { employeeId: s.employee.id }, data: { error: '550 <taro@example.jp>: unknown' } })
    expect((await employeeApi('POST', '/login', {}, { token: s.token, password: s.password })).statusCode).toBe(200)

    const sql = await fs.readFile(path.join(MIGRATIONS_DIR, '20261207020000_disposal_ends_credentials', 'migration.sql'), 'utf8')
    for (const statement of sql
      .split(/;\s*\n/)
      .map((part) => part.replace(/^--.*$/gm, '').trim())
      .filter(Boolean)) {
      await context.db.$executeRawUnsafe(statement)
    }
    const login = await employeeApi('POST', '/login', {}, { token: s.token, password: s.password })
    expect(sameErrorBody(login.body)).toEqual(sameErrorBody((await unknownLinkAnswers()).login.body))
    expect(await context.db.employeeSession.count({ where: { credential: { employeeId: s.employee.id }, revokedAt: null } })).toBe(0)
    expect(await context.db.person.findUniqueOrThrow({ where: { id: s.employee.id } })).toMatchObject({ returnReason: null, returnNote: null })
    expect(await context.db.emailMessage.findMany({ where: { employeeId: s.employee.id, error: { not: null } } })).toEqual([])
  })
})

describe('a disposed employee in an import', () => {
  it('is refused row by row — no new address on the tombstone, no new dependent — and nothing of the file is written', async () => {
    const s = await submittedEmployee(context)
    await context.db.person.update({ where: { id: s.employee.id }, data: { employeeNumber: 'D-001' } })
    const { headers } = await signedInOperator(context, { role: 'administrator', companyId: s.company.id })
    expect(
      (await admin(`/campaigns/${s.campaign.id}/employees/${s.employee.id}/persons/${s.employee.id}/dispose`, headers, { reason: REASON })).statusCode,
    ).toBe(200)
    const before = await context.db.person.findMany({ where: { campaignId: s.campaign.id }, orderBy: { id: 'asc' } })

    const csv = [
      '社員番号,氏名,フリガナ,生年月日,続柄,メールアドレス,扶養者の社員番号',
      'D-001,総合 太郎,ソウゴウ タロウ,1980-01-01,本人,new.address@example.jp,',
      ',総合 次郎,ソウゴウ ジロウ,2015-01-01,子,,D-001',
      'N-002,新規 社員,シンキ シャイン,1990-05-05,本人,,',
    ].join('\r\n')
    for (const dryRun of [true, false]) {
      const response = await context.app.inject({
        method: 'POST',
        url: `/api/admin/campaigns/${s.campaign.id}/import?dryRun=${dryRun}`,
        headers: { ...headers, 'content-type': 'text/csv' },
        payload: Buffer.from(csv, 'utf8'),
      })
      // A preview answers its findings with 200; an import answers 422 with them as details.
      expect(response.statusCode, response.body).toBe(dryRun ? 200 : 422)
      const answer = dryRun ? response.json() : response.json().error.details
      expect(answer.errors.map((e: { line: number; column: string | null }) => [e.line, e.column])).toEqual([
        [2, '社員番号'],
        [3, '扶養者の社員番号'],
      ])
    }
    expect(await context.db.person.findMany({ where: { campaignId: s.campaign.id }, orderBy: { id: 'asc' } })).toEqual(before)
  })
})
