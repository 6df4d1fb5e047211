import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createCompany } from './factories.ts'
import { type TestContext, createTestContext, login, signedInOperator } from './harness.ts'

let context: TestContext
let victim: Awaited<ReturnType<TestContext['newEmployee']>>
let adminA: Awaited<ReturnType<typeof signedInOperator>>
let operatorA: Awaited<ReturnType<typeof signedInOperator>>
let adminB: Awaited<ReturnType<typeof signedInOperator>>
let system: Awaited<ReturnType<typeof signedInOperator>>

beforeAll(async () => {
  context = await createTestContext()
  victim = await context.newEmployee()
  adminA = await signedInOperator(context, { role: 'administrator', companyId: victim.company.id, name: '管理 花子' })
  operatorA = await signedInOperator(context, { role: 'operator', companyId: victim.company.id })
  adminB = await signedInOperator(context, { role: 'administrator' })
  system = await signedInOperator(context, { isSystemAdmin: true, assignments: [] })
  await login(context.app, victim.token, victim.password) // employee.login, actor = the employee
  const record = context.app.services.audit.record
  await record({ companyId: victim.company.id, actorType: 'operator', actorId: adminA.operator.id, action: 'campaign.updated', targetId: victim.campaign.id })
  await record({
    companyId: victim.company.id,
    actorType: 'operator',
    actorId: operatorA.operator.id,
    action: 'person.registered',
    targetId: victim.dependents[0]!.id,
  })
  await record({ companyId: adminB.companyId, actorType: 'operator', actorId: adminB.operator.id, action: 'campaign.updated', targetId: null })
  await record({ companyId: null, actorType: 'operator', actorId: operatorA.operator.id, action: 'admin.login', targetId: operatorA.operator.id })
  await record({ companyId: null, actorType: 'operator', actorId: system.operator.id, action: 'admin.login', targetId: system.operator.id })
}, 60_000)
afterAll(() => context.close())

const get = (headers: Record<string, string>, query = '') => context.app.inject({ method: 'GET', url: `/api/admin/audit-events${query}`, headers })
const events = async (headers: Record<string, string>, query = '') => {
  const response = await get(headers, query)
  expect(response.statusCode, response.body).toBe(200)
  return response.json().events as {
    id: string
    action: string
    companyId: string | null
    actorId: string | null
    actorName: string | null
    targetId: string | null
    targetName: string | null
  }[]
}

describe('audit-log viewer: who sees what', () => {
  it('refuses an operator, and a company filter the administrator lacks', async () => {
    expect((await get(operatorA.headers)).json().error.code).toBe('FORBIDDEN')
    expect((await get(operatorA.headers, `?companyId=${victim.company.id}`)).statusCode).toBe(403)
    expect((await get(adminB.headers, `?companyId=${victim.company.id}`)).statusCode).toBe(404)
  })

  it('shows a company administrator their companies and their staff’s sign-ins, never another company’s or a system administrator’s', async () => {
    const seen = await events(adminA.headers)
    expect(seen.length).toBeGreaterThan(0)
    expect(
      seen.every((e) => e.companyId === victim.company.id || (e.companyId === null && e.actorId === operatorA.operator.id) || e.actorId === adminA.operator.id),
    ).toBe(true)
    expect(seen.some((e) => e.action === 'admin.login' && e.actorId === operatorA.operator.id)).toBe(true)
    expect(seen.some((e) => e.actorId === system.operator.id || e.companyId === adminB.companyId)).toBe(false)
    const ofB = await events(adminB.headers)
    expect(ofB.some((e) => e.companyId === victim.company.id)).toBe(false)
  })

  it('shows a system administrator everything, installation-wide events included', async () => {
    const all = await events(system.headers, '?limit=200')
    expect(all.some((e) => e.companyId === null && e.actorId === system.operator.id)).toBe(true)
    expect(all.some((e) => e.companyId === adminB.companyId)).toBe(true)
  })
})

describe('audit-log viewer: filters and names', () => {
  it('filters by actor, action, action prefix, target and person, and names actors and targets', async () => {
    const byActor = await events(adminA.headers, `?actorType=employee&actorId=${victim.employee.id}`)
    expect(byActor.map((e) => e.action)).toEqual(['employee.login'])
    expect(byActor[0]!.actorName).toBe(victim.employee.name)

    const exact = await events(system.headers, '?action=campaign.updated')
    expect(exact.map((e) => e.companyId).sort()).toEqual([victim.company.id, adminB.companyId].sort())
    const prefix = await events(adminA.headers, '?action=admin.*')
    expect(prefix.map((e) => e.actorId)).toEqual([operatorA.operator.id])
    expect(await events(adminA.headers, '?action=nothing.*')).toEqual([])

    const byTarget = await events(adminA.headers, `?targetId=${victim.campaign.id}`)
    expect(byTarget).toHaveLength(1)
    expect(byTarget[0]).toMatchObject({ actorName: '管理 花子', targetName: victim.campaign.name })

    const dependent = victim.dependents[0]!
    const byPerson = await events(adminA.headers, `?personId=${dependent.id}`)
    expect(byPerson.map((e) => [e.action, e.targetName])).toEqual([['person.registered', dependent.name]])
    const employee = await events(adminA.headers, `?personId=${victim.employee.id}`)
    expect(employee.map((e) => e.action)).toContain('employee.login') // actor, target is the credential
  })

  it('filters by period (from inclusive, to exclusive) and combined with a company', async () => {
    const company = await createCompany(context.db)
    const at = (iso: string) =>
      context.db.auditEvent.create({ data: { at: new Date(iso), companyId: company.id, actorType: 'system', action: 'draft.purged' } })
    await at('2026-01-01T00:00:00.000Z')
    await at('2026-02-01T00:00:00.000Z')
    await at('2026-03-01T00:00:00.000Z')
    const february = await events(system.headers, `?companyId=${company.id}&from=2026-02-01T09:00:00%2B09:00&to=2026-03-01T00:00:00Z&action=draft.purged`)
    expect(february).toHaveLength(1)
    expect(await events(system.headers, `?companyId=${company.id}&from=2026-01-01T00:00:00Z`)).toHaveLength(3)
  })

  it('answers a malformed query with 400', async () => {
    for (const query of [
      '?limit=201',
      '?limit=0',
      '?from=yesterday',
      '?action=DROP%20TABLE',
      '?actorType=robot',
      '?personId=42',
      `?cursor=${Buffer.from('nope').toString('base64url')}`,
    ]) {
      const response = await get(system.headers, query)
      expect(response.statusCode, query).toBe(400)
      expect(response.json().error.code).toBe('VALIDATION')
    }
  })
})

describe('audit-log viewer: keyset pages', () => {
  it('pages newest first without duplicates or gaps while new events are appended', async () => {
    const company = await createCompany(context.db)
    const record = (n: number) =>
      context.app.services.audit.record({ companyId: company.id, actorType: 'system', actorId: null, action: 'draft.purged', detail: { n } })
    // Ten in one transaction share one `at`: the id breaks the tie.
    await context.db.$transaction(async (tx) => {
      for (let n = 0; n < 10; n++)
        await context.app.services.audit.record({ companyId: company.id, actorType: 'system', actorId: null, action: 'draft.purged', detail: { n } }, tx)
    })
    for (let n = 10; n < 23; n++) await record(n)
    const expected = (await context.db.auditEvent.findMany({ where: { companyId: company.id }, orderBy: [{ at: 'desc' }, { id: 'desc' }] })).map((e) =>
      e.id.toString(),
    )

    const seen: string[] = []
    let cursor: string | null = null
    let pages = 0
    do {
      const response = await get(system.headers, `?companyId=${company.id}&limit=5${cursor ? `&cursor=${cursor}` : ''}`)
      const body = response.json()
      seen.push(...body.events.map((e: { id: string }) => e.id))
      cursor = body.nextCursor
      pages++
      await record(100 + pages) // appended while paging: newer than the first page, never inside the walk
    } while (cursor)
    expect(pages).toBe(5)
    expect(seen).toEqual(expected)
  })
})

describe('audit-log CSV export', () => {
  it('streams the filtered view with a BOM and the header, and records the export without personal data', async () => {
    const response = await context.app.inject({
      method: 'GET',
      url: `/api/admin/audit-events.csv?personId=${victim.dependents[0]!.id}`,
      headers: adminA.headers,
    })
    expect(response.statusCode).toBe(200)
    expect(response.headers['content-type']).toMatch(/^text\/csv; charset=utf-8/)
    expect(response.headers['content-disposition']).toMatch(/^attachment; filename="audit-log-/)
    expect(response.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]))
    const lines = response.body
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n')
    expect(lines[0]).toBe('日時,会社,操作者種別,操作者,操作,対象,詳細,操作者（氏名・社員番号）,対象（説明）,詳細（説明）')
    expect(lines).toHaveLength(2)
    expect(lines[1]).toContain('登録する (person.registered)')
    expect(lines[1]).toContain(victim.dependents[0]!.name)
    expect(lines[1]).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,/)

    const [exported] = await context.db.auditEvent.findMany({ where: { action: 'audit.exported', actorId: adminA.operator.id } })
    expect(exported).toMatchObject({ companyId: null, detail: { filter: { personId: victim.dependents[0]!.id } } })
    expect(JSON.stringify(exported!.detail)).not.toContain(victim.dependents[0]!.name)
    // The export is itself visible to the administrator.
    expect((await events(adminA.headers, '?action=audit.exported')).map((e) => e.actorId)).toEqual([adminA.operator.id])
  })

  it('refuses an operator and a malformed filter before recording anything', async () => {
    const before = await context.db.auditEvent.count({ where: { action: 'audit.exported' } })
    expect((await context.app.inject({ method: 'GET', url: '/api/admin/audit-events.csv', headers: operatorA.headers })).statusCode).toBe(403)
    expect((await context.app.inject({ method: 'GET', url: '/api/admin/audit-events.csv?from=x', headers: system.headers })).statusCode).toBe(400)
    expect(await context.db.auditEvent.count({ where: { action: 'audit.exported' } })).toBe(before)
  })
})

describe('audit-log viewer: a system administrator who also serves a company', () => {
  it('keeps their installation-wide events (sign-ins, logouts, exports) out of that company administrator’s view and CSV', async () => {
    const serving = await signedInOperator(context, { isSystemAdmin: true, role: 'administrator', companyId: victim.company.id })
    const actor = serving.operator.id
    await context.app.inject({ method: 'GET', url: '/api/admin/audit-events.csv', headers: serving.headers }) // audit.exported, company NULL
    await context.app.inject({ method: 'DELETE', url: '/api/admin/session', headers: serving.headers }) // admin.logout, company NULL
    await context.app.services.audit.record({ companyId: null, actorType: 'operator', actorId: actor, action: 'admin.login', targetId: actor })
    const own = await context.db.auditEvent.findMany({ where: { actorId: actor, companyId: null } })
    expect(own.map((e) => e.action).sort()).toEqual(['admin.login', 'admin.logout', 'audit.exported'])

    const seen = await events(adminA.headers, '?limit=200')
    expect(seen.filter((e) => e.actorId === actor)).toEqual([])
    const csv = await context.app.inject({ method: 'GET', url: '/api/admin/audit-events.csv', headers: adminA.headers })
    expect(csv.statusCode).toBe(200)
    expect(csv.body).not.toContain(serving.operator.email)
    expect(csv.body).not.toContain(actor)
    // Their own staff's sign-ins stay visible, and the system administrator still sees everything.
    expect(seen.some((e) => e.action === 'admin.login' && e.actorId === operatorA.operator.id)).toBe(true)
    expect((await events(system.headers, `?actorId=${actor}`)).length).toBe(3)
  })
})

describe('audit-log viewer: the service operator’s staff, as the company sees them', () => {
  it('shows a company administrator what a system administrator did with the company’s data', async () => {
    const at = (minutes: number) => encodeURIComponent(new Date(Date.now() + minutes * 60_000).toISOString())
    const window = `from=${at(-60)}&to=${at(1)}`
    const url = `/api/admin/companies/${victim.company.id}/access-report?${window}`
    expect((await context.app.inject({ method: 'GET', url, headers: system.headers })).statusCode).toBe(200)
    const seen = await events(adminA.headers, `?actorId=${system.operator.id}`)
    expect(seen.map((e) => [e.action, e.companyId, e.actorName])).toEqual([['audit.access_report', victim.company.id, system.operator.name]])
    // Another company's administrator does not see it.
    expect((await events(adminB.headers, `?actorId=${system.operator.id}`)).length).toBe(0)
  })
})
