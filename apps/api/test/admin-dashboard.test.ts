import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createCampaign } from './factories.ts'
import type { EmployeeProgress } from '../src/generated/prisma/client.ts'
import { type TestContext, createTestContext, imageUpload, login, signedInEmployee, signedInOperator } from './harness.ts'
import { cardPhoto } from './images.ts'

let context: TestContext
beforeAll(async () => {
  context = await createTestContext()
}, 60_000)
afterAll(() => context.close())

interface Seed {
  number: string | null
  name: string
  kana: string
  progress?: EmployeeProgress
  lastLoginAt?: Date
  dependents?: number
  email?: string
  leftOn?: string
}

/** A campaign of `seeds` employees in a new company, and an operator (role OPERATOR) of that company. */
async function campaignWith(seeds: Seed[]) {
  const operator = await signedInOperator(context, { role: 'operator' })
  const campaign = await createCampaign(context.db, operator.companyId)
  const ids: string[] = []
  for (const seed of seeds) {
    const employee = await context.db.person.create({
      data: {
        campaignId: campaign.id,
        kind: 'EMPLOYEE',
        employeeNumber: seed.number,
        name: seed.name,
        kana: seed.kana,
        relationship: '本人',
        birthDate: new Date('1980-01-01'),
        progress: seed.progress ?? 'UNISSUED',
        lastLoginAt: seed.lastLoginAt ?? null,
        email: seed.email ?? null,
        leftOn: seed.leftOn ? new Date(seed.leftOn) : null,
      },
    })
    ids.push(employee.id)
    for (let i = 0; i < (seed.dependents ?? 0); i++) {
      await context.db.person.create({
        data: {
          campaignId: campaign.id,
          kind: 'DEPENDENT',
          employeeId: employee.id,
          name: seed.name,
          kana: seed.kana,
          relationship: '子',
          birthDate: new Date('2010-01-01'),
        },
      })
    }
    if (seed.lastLoginAt) {
      await context.db.credential.create({
        data: { campaignId: campaign.id, employeeId: employee.id, tokenHash: randomUUID(), passwordHash: 'x', lastLoginAt: seed.lastLoginAt },
      })
    }
  }
  const get = (url: string) => context.app.inject({ method: 'GET', url: `/api/admin/campaigns/${campaign.id}${url}`, headers: operator.headers })
  return { operator, campaign, ids, get }
}

type Row = { id: string; employeeNumber: string | null; name: string; kana: string; progress: string; dependentCount: number }
const numbers = (body: { rows: Row[] }) => body.rows.map((row) => row.employeeNumber)

describe('dashboard counts', () => {
  it('counts employees (never dependents) by progress, zero for the missing ones', async () => {
    const { get } = await campaignWith([
      { number: '1', name: 'a', kana: 'ア', progress: 'ISSUED', dependents: 2 },
      { number: '2', name: 'b', kana: 'イ', progress: 'ISSUED' },
      { number: '3', name: 'c', kana: 'ウ', progress: 'SUBMITTED', dependents: 1 },
      { number: '4', name: 'd', kana: 'エ' },
    ])
    const response = await get('/dashboard')
    expect(response.statusCode).toBe(200)
    expect(response.json()).toEqual({
      counts: { unissued: 1, issued: 2, logged_in: 0, consented: 0, in_progress: 0, submitted: 1, returned: 0, approved: 0 },
      total: 4,
    })
  })
})

describe('employee list', () => {
  it('filters by whether there is an e-mail address, and gives every page of the filtered list as a CSV of statuses, audited', async () => {
    const { get, campaign, operator } = await campaignWith([
      {
        number: '1',
        name: '山田 太郎',
        kana: 'ヤマダ タロウ',
        email: 'taro@example.test',
        progress: 'SUBMITTED',
        dependents: 2,
        lastLoginAt: new Date('2026-12-01T01:02:00Z'),
        leftOn: '2026-12-31',
      },
      { number: '2', name: '山本 花子', kana: 'ヤマモト ハナコ', progress: 'ISSUED' },
      { number: '3', name: '=cmd|calc', kana: 'タナカ', progress: 'ISSUED' },
    ])
    expect(numbers((await get('/employees?email=with')).json())).toEqual(['1'])
    expect(numbers((await get('/employees?email=without')).json())).toEqual(['2', '3'])
    expect((await get('/employees?email=maybe')).statusCode).toBe(400)

    const all = await get('/employees.csv')
    expect(all.statusCode, all.body).toBe(200)
    expect(all.headers['content-type']).toBe('text/csv; charset=utf-8')
    expect(all.body.split('\r\n')).toEqual([
      '\uFEFF社員番号,氏名,フリガナ,メールアドレス,状況,家族の人数,最終ログイン,退職日',
      '1,山田 太郎,ヤマダ タロウ,taro@example.test,完了,2,2026-12-01 10:02,2026-12-31',
      '2,山本 花子,ヤマモト ハナコ,,未ログイン,0,,',
      '3,"\'=cmd|calc",タナカ,,未ログイン,0,,',
      '',
    ])
    const withoutEmail = await get('/employees.csv?email=without&status=issued')
    expect(
      withoutEmail.body
        .split('\r\n')
        .slice(1, -1)
        .map((line) => line.split(',')[0]),
    ).toEqual(['2', '3'])
    const events = await context.db.auditEvent.findMany({ where: { action: 'employees.exported', targetId: campaign.id }, orderBy: { id: 'asc' } })
    expect(events.map((event) => [event.actorId, event.detail])).toEqual([
      [operator.operator.id, { rows: 3, filter: { q: null, status: null, email: null } }],
      [operator.operator.id, { rows: 2, filter: { q: null, status: 'issued', email: 'without' } }],
    ])
  })

  it('pages on the server, in 社員番号 order by default, with the total', async () => {
    const seeds = Array.from({ length: 30 }, (_, i) => ({
      number: `E${String(30 - i).padStart(3, '0')}`,
      name: `社員 ${i}`,
      kana: 'シャイン',
      dependents: i === 29 ? 2 : 0,
    }))
    const { get } = await campaignWith(seeds)
    const first = (await get('/employees?pageSize=25')).json()
    const second = (await get('/employees?pageSize=25&page=2')).json()
    expect(first).toMatchObject({ total: 30, page: 1, pageSize: 25 })
    expect(numbers(first)).toEqual(Array.from({ length: 25 }, (_, i) => `E${String(i + 1).padStart(3, '0')}`))
    expect(numbers(second)).toEqual(['E026', 'E027', 'E028', 'E029', 'E030'])
    expect(first.rows[0]).toMatchObject({ name: '社員 29', dependentCount: 2, progress: 'unissued', lastLoginAt: null, lockedUntil: null })
    expect((await get('/employees?pageSize=25&page=3')).json()).toMatchObject({ rows: [], total: 30 })
  })

  it('searches 氏名, フリガナ (NFKC, spaces and hiragana forgiven) and 社員番号 by prefix; % and _ are literal', async () => {
    const { get } = await campaignWith([
      { number: '1001', name: '山田 太郎', kana: 'ヤマダ タロウ' },
      { number: '1002', name: '山本 花子', kana: 'ヤマモト ハナコ' },
      { number: '2001', name: '田中 一郎', kana: 'タナカ イチロウ' },
      { number: '20_1', name: '%野 次郎', kana: 'ノ ジロウ' },
    ])
    const search = async (q: string) => numbers((await get(`/employees?q=${encodeURIComponent(q)}`)).json())
    expect(await search('山')).toEqual(['1001', '1002'])
    expect(await search('山田太')).toEqual(['1001'])
    expect(await search('ヤマダ　タ')).toEqual(['1001'])
    expect(await search('ﾔﾏﾓﾄ')).toEqual(['1002'])
    expect(await search('たなか')).toEqual(['2001'])
    expect(await search('２０')).toEqual(['2001', '20_1'])
    expect(await search('20_')).toEqual(['20_1'])
    expect(await search('%')).toEqual(['20_1'])
    expect(await search('%田')).toEqual([])
    expect(await search('田')).toEqual(['2001'])
    expect(await search('  ')).toHaveLength(4)
    expect((await get('/employees?q=1')).json().total).toBe(2)
  })

  it('filters by status and sorts by フリガナ, progress and last login, ties broken by id', async () => {
    const t = (minutes: number) => new Date(Date.UTC(2026, 10, 1, 9, minutes))
    const { get, ids } = await campaignWith([
      { number: 'A', name: 'a', kana: 'ウエダ', progress: 'CONSENTED', lastLoginAt: t(5) },
      { number: 'B', name: 'b', kana: 'アオキ', progress: 'SUBMITTED', lastLoginAt: t(1) },
      { number: 'C', name: 'c', kana: 'イトウ', progress: 'CONSENTED', lastLoginAt: t(9) },
      { number: 'D', name: 'd', kana: 'イ トウ', progress: 'UNISSUED' },
      { number: 'E', name: 'e', kana: 'エノモト', progress: 'CONSENTED' },
    ])
    const list = async (query: string) => numbers((await get(`/employees?${query}`)).json())
    expect(await list('status=consented')).toEqual(['A', 'C', 'E'])
    expect((await get('/employees?status=consented')).json().total).toBe(3)
    expect(await list('status=logged_in')).toEqual([])
    expect(await list('sort=employeeNumber&order=desc')).toEqual(['E', 'D', 'C', 'B', 'A'])
    // イトウ and イ トウ have the same key: their order is the id's.
    const [first, second] = [ids[2]!, ids[3]!].sort()
    const byId = (id: string) => (id === ids[2] ? 'C' : 'D')
    expect(await list('sort=kana')).toEqual(['B', byId(first!), byId(second!), 'A', 'E'])
    expect(await list('sort=kana&order=desc')).toEqual(['E', 'A', byId(second!), byId(first!), 'B'])
    const consented = [ids[0]!, ids[2]!, ids[4]!].sort().map((id) => 'ACE'[ids.indexOf(id) / 2]!)
    expect(await list('sort=progress&order=desc')).toEqual(['B', ...consented.reverse(), 'D'])
    // Never logged in sorts as the earliest time.
    const never = [ids[3]!, ids[4]!].sort().map((id) => (id === ids[3] ? 'D' : 'E'))
    expect(await list('sort=lastLoginAt')).toEqual([...never, 'B', 'A', 'C'])
    expect(await list('sort=lastLoginAt&order=desc')).toEqual(['C', 'A', 'B', ...never.reverse()])
    expect(await list('status=consented&sort=lastLoginAt&order=desc&pageSize=25')).toEqual(['C', 'A', 'E'])
  })

  it('refuses bad query parameters with 400', async () => {
    const { get, campaign, operator } = await campaignWith([])
    for (const query of ['pageSize=7', 'page=0', 'page=x', 'sort=name', 'order=up', 'status=done', `q=${'x'.repeat(101)}`]) {
      const response = await get(`/employees?${query}`)
      expect(response.statusCode, query).toBe(400)
      expect(response.json().error.code).toBe('VALIDATION')
    }
    const badId = await context.app.inject({ method: 'GET', url: '/api/admin/campaigns/not-a-uuid/employees', headers: operator.headers })
    expect(badId.statusCode).toBe(400)
    const anonymous = await context.app.inject({ method: 'GET', url: `/api/admin/campaigns/${campaign.id}/dashboard` })
    expect(anonymous.statusCode).toBe(401)
  })
})

describe('employee detail and unlock', () => {
  it('shows logins, times and each person with a draft image count — never image data or blob keys', async () => {
    const employee = await signedInEmployee(context)
    const body = imageUpload({ role: 'number', slot: 0, side: 'front', type: 'my_number_card' }, await cardPhoto())
    const uploaded = await context.app.inject({
      method: 'POST',
      url: `/api/employee/persons/${employee.employee.id}/images`,
      headers: { ...employee.auth, ...body.headers },
      payload: body.payload,
    })
    expect(uploaded.statusCode).toBe(201)
    await context.app.inject({
      method: 'PUT',
      url: `/api/employee/persons/${employee.dependents[1]!.id}/applicability`,
      headers: employee.auth,
      payload: { applicable: false },
    })
    const operator = await signedInOperator(context, { role: 'operator', companyId: employee.company.id })

    const response = await context.app.inject({
      method: 'GET',
      url: `/api/admin/campaigns/${employee.campaign.id}/employees/${employee.employee.id}`,
      headers: operator.headers,
    })
    expect(response.statusCode).toBe(200)
    const detail = response.json()
    expect(detail.employee).toMatchObject({
      id: employee.employee.id,
      progress: 'in_progress',
      failedAttempts: 0,
      lockedUntil: null,
      dependentCount: 2,
      lastLoginAt: expect.any(String),
      credentialIssuedAt: expect.any(String),
      consentedAt: expect.any(String),
      submittedAt: null,
      birthDate: '1980-01-15',
    })
    expect(detail.persons.map((p: { kind: string; status: string; draftImages: number }) => [p.kind, p.status, p.draftImages])).toEqual([
      ['employee', 'pending', 1],
      ['dependent', 'pending', 0],
      ['dependent', 'not_applicable', 0],
    ])
    const [document] = await context.db.document.findMany({ where: { personId: employee.employee.id } })
    expect(response.body).not.toContain(document!.blobKey)
    expect(response.body).not.toContain(document!.id)
    expect(response.body).not.toMatch(/blob|image\/|base64/i)
  })

  it('unlocks a credential locked by wrong passwords: the employee can log in again, and it is audited', async () => {
    const employee = await context.newEmployee()
    for (let i = 0; i < 5; i++)
      await context.app.inject({ method: 'POST', url: '/api/employee/login', payload: { token: employee.token, password: 'wrong-password' } })
    await expect(login(context.app, employee.token, employee.password)).rejects.toThrow(/423/)
    const operator = await signedInOperator(context, { role: 'operator', companyId: employee.company.id })
    const url = `/api/admin/campaigns/${employee.campaign.id}/employees/${employee.employee.id}`

    const locked = (await context.app.inject({ method: 'GET', url, headers: operator.headers })).json()
    expect(locked.employee.lockedUntil).not.toBeNull()
    const listed = (
      await context.app.inject({ method: 'GET', url: `/api/admin/campaigns/${employee.campaign.id}/employees`, headers: operator.headers })
    ).json()
    expect(listed.rows[0].lockedUntil).toBe(locked.employee.lockedUntil)

    const noCsrf = await context.app.inject({ method: 'POST', url: `${url}/unlock`, headers: { cookie: operator.headers.cookie } })
    expect(noCsrf.statusCode).toBe(403)
    const unlocked = await context.app.inject({ method: 'POST', url: `${url}/unlock`, headers: operator.headers })
    expect(unlocked.statusCode).toBe(204)
    expect((await context.app.inject({ method: 'GET', url, headers: operator.headers })).json().employee).toMatchObject({
      lockedUntil: null,
      failedAttempts: 0,
    })
    await login(context.app, employee.token, employee.password)
    const events = await context.db.auditEvent.findMany({ where: { action: 'credential.unlocked', companyId: employee.company.id } })
    expect(events).toEqual([
      expect.objectContaining({
        actorType: 'operator',
        actorId: operator.operator.id,
        detail: expect.objectContaining({ employeeId: employee.employee.id, wasLocked: true }),
      }),
    ])
  })

  it('answers 404 to an operator of another company, and for a dependent or another campaign’s employee', async () => {
    const employee = await context.newEmployee()
    const stranger = await signedInOperator(context, { role: 'administrator' })
    const base = `/api/admin/campaigns/${employee.campaign.id}`
    for (const [method, url] of [
      ['GET', `${base}/dashboard`],
      ['GET', `${base}/employees`],
      ['GET', `${base}/employees/${employee.employee.id}`],
      ['POST', `${base}/employees/${employee.employee.id}/unlock`],
    ] as const) {
      const response = await context.app.inject({ method, url, headers: stranger.headers })
      expect(response.statusCode, url).toBe(404)
    }
    const own = await signedInOperator(context, { role: 'operator', companyId: employee.company.id })
    const otherCampaign = await createCampaign(context.db, employee.company.id)
    for (const url of [`${base}/employees/${employee.dependents[0]!.id}`, `/api/admin/campaigns/${otherCampaign.id}/employees/${employee.employee.id}`]) {
      expect((await context.app.inject({ method: 'GET', url, headers: own.headers })).statusCode, url).toBe(404)
    }
    expect(await context.db.auditEvent.count({ where: { action: 'credential.unlocked', companyId: employee.company.id } })).toBe(0)
  })
})
