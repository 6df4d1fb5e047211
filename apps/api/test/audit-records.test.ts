/**
 * The audit log as an auditor reads it: names with 社員番号, a document as whose and which, the
 * detail in labelled words (page and CSV), and a person's events including those about their
 * documents — also once the documents are disposed of.
 */
import type { AuditEventRow } from '@bango/shared/admin-audit'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type TestContext, createTestContext, signedInOperator } from './harness.ts'
import { submittedEmployee } from './submitted.ts'

let context: TestContext
let employee: Awaited<ReturnType<typeof submittedEmployee>>
let admin: Awaited<ReturnType<typeof signedInOperator>>

beforeAll(async () => {
  context = await createTestContext()
  employee = await submittedEmployee(context)
  await context.db.person.update({ where: { id: employee.employee.id }, data: { employeeNumber: 'E0042' } })
  admin = await signedInOperator(context, { role: 'administrator', companyId: employee.company.id, name: '管理 花子' })
}, 120_000)
afterAll(() => context.close())

const call = (method: 'GET' | 'POST', url: string, payload?: object) =>
  context.app.inject({ method, url: `/api/admin${url}`, headers: admin.headers, ...(payload ? { payload } : {}) })
const events = async (query: string) => {
  const response = await call('GET', `/audit-events?${query}`)
  expect(response.statusCode, response.body).toBe(200)
  return response.json<{ events: AuditEventRow[] }>().events
}
const spouse = () => employee.dependents[0]!
const spouseBack = () => employee.documents.find((d) => d.personId === spouse().id && d.side === 'BACK')!
const viewImage = (documentId: string) => call('GET', `/campaigns/${employee.campaign.id}/documents/${documentId}/image`)

describe('readable audit rows', () => {
  it('names a viewed document as whose and which, with the household’s 社員番号, and records the person in the detail', async () => {
    expect((await viewImage(spouseBack().id)).statusCode).toBe(200)
    const [viewed] = await events(`action=document.viewed&companyId=${employee.company.id}`)
    expect(viewed).toMatchObject({
      actorName: '管理 花子',
      targetId: spouseBack().id,
      targetDocument: { personName: '総合 花子', employeeNumber: 'E0042', role: 'number', slot: 0, side: 'back', type: 'my_number_card' },
      detail: { personId: spouse().id, role: 'number', slot: 0, side: 'back', type: 'my_number_card' },
      names: { [spouse().id]: { name: '総合 花子', employeeNumber: 'E0042' } },
    })
  })

  it('names an employee actor with their 社員番号 and the ids inside a detail', async () => {
    const [submitted] = await events(`action=employee.submitted&personId=${employee.employee.id}`)
    expect(submitted).toMatchObject({ actorName: '総合 太郎', actorEmployeeNumber: 'E0042' })
    await context.app.services.audit.record({
      companyId: employee.company.id,
      actorType: 'operator',
      actorId: admin.operator.id,
      action: 'number.revealed',
      targetId: spouse().id,
      detail: { employeeId: employee.employee.id },
    })
    const [read] = await events(`action=number.revealed&companyId=${employee.company.id}`)
    expect(read).toMatchObject({ targetName: '総合 花子', targetEmployeeNumber: 'E0042', names: { [employee.employee.id]: { name: '総合 太郎' } } })
  })

  it('adds readable columns to the CSV after the raw ones, which stay as they were', async () => {
    const response = await call('GET', `/audit-events.csv?action=document.viewed&companyId=${employee.company.id}`)
    expect(response.statusCode).toBe(200)
    const [head, line] = response.body.replace(/^\uFEFF/, '').split('\r\n')
    expect(head).toBe('日時,会社,操作者種別,操作者,操作,対象,詳細,操作者（氏名・社員番号）,対象（説明）,詳細（説明）')
    expect(line).toContain(`""personId"":""${spouse().id}""`)
    expect(line).toContain(',総合 花子（社員番号 E0042） の マイナンバーカード うら面,')
    expect(line).toContain(',対象者: 総合 花子（社員番号 E0042）、種類: 番号確認書類、書類: 1 通目、面: うら面、書類の種類: マイナンバーカード')
  })
})

describe('filters by name', () => {
  it('finds persons by part of the name, フリガナ in hiragana or the household’s 社員番号, and operators by name — within the caller’s companies', async () => {
    const subjects = async (headers: Record<string, string>, query: string) => {
      const response = await context.app.inject({ method: 'GET', url: `/api/admin/audit-subjects?${query}`, headers })
      expect(response.statusCode, response.body).toBe(200)
      return response.json<{ persons: { id: string; name: string; employeeNumber: string | null }[]; operators: { name: string }[] }>()
    }
    expect((await subjects(admin.headers, `q=${encodeURIComponent('花子')}`)).persons).toEqual([
      expect.objectContaining({ id: spouse().id, name: '総合 花子', employeeNumber: 'E0042' }),
    ])
    expect((await subjects(admin.headers, `q=${encodeURIComponent('そうごう はな')}`)).persons.map((p) => p.id)).toEqual([spouse().id])
    expect((await subjects(admin.headers, 'q=E004')).persons).toHaveLength(3)
    expect((await subjects(admin.headers, `q=${encodeURIComponent('管理')}`)).operators.map((o) => o.name)).toEqual(['管理 花子'])
    expect((await subjects(admin.headers, `id=${spouse().id}`)).persons.map((p) => p.name)).toEqual(['総合 花子'])

    const stranger = await signedInOperator(context, { role: 'administrator' })
    expect(await subjects(stranger.headers, `q=${encodeURIComponent('花子')}`)).toEqual({ persons: [], operators: [] })
    const mere = await signedInOperator(context, { role: 'operator', companyId: employee.company.id })
    expect((await context.app.inject({ method: 'GET', url: '/api/admin/audit-subjects?q=x', headers: mere.headers })).statusCode).toBe(403)
    expect((await context.app.inject({ method: 'GET', url: '/api/admin/audit-subjects', headers: admin.headers })).statusCode).toBe(400)
  })
})

describe('a person’s events include those about their documents', () => {
  it('finds a view of the person’s image by the document, and still by the detail once the document is disposed of', async () => {
    const front = employee.documents.find((d) => d.personId === spouse().id && d.side === 'FRONT')!
    expect((await viewImage(front.id)).statusCode).toBe(200)
    // An event from before the detail named the person: found through the document while it exists.
    await context.app.services.audit.record({
      companyId: employee.company.id,
      actorType: 'operator',
      actorId: admin.operator.id,
      action: 'document.viewed',
      targetId: front.id,
    })
    const viewsOf = async () =>
      (await events(`personId=${spouse().id}&action=document.viewed`)).map((e) => [e.targetId, (e.detail as { personId?: string } | null)?.personId ?? null])
    expect(await viewsOf()).toEqual([
      [front.id, null],
      [front.id, spouse().id],
      [spouseBack().id, spouse().id],
    ])
    // Another person's filter does not see them.
    expect(await events(`personId=${employee.dependents[1]!.id}&action=document.viewed`)).toEqual([])

    const disposed = await call('POST', `/campaigns/${employee.campaign.id}/employees/${employee.employee.id}/persons/${spouse().id}/dispose`, {
      reason: '退職者の扶養から外れたため',
    })
    expect(disposed.statusCode, disposed.body).toBe(200)
    expect(await context.db.document.count({ where: { personId: spouse().id } })).toBe(0)
    // The views recorded with the person stay hers; the undated old one cannot be told any more.
    expect(await viewsOf()).toEqual([
      [front.id, spouse().id],
      [spouseBack().id, spouse().id],
    ])
    const [view] = await events(`personId=${spouse().id}&action=document.viewed`)
    expect(view!.targetDocument).toEqual({ personName: '総合 花子', employeeNumber: 'E0042', role: 'number', slot: 0, side: 'front', type: 'my_number_card' })
    // Each event once, though it matches as target and by detail.
    const all = await events(`personId=${spouse().id}&limit=200`)
    expect(new Set(all.map((e) => e.id)).size).toBe(all.length)
    expect(all.map((e) => e.action)).toContain('person.disposed')
  })
})
