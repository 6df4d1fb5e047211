/**
 * Console access from allowed networks only: the installation's allow-list gates every
 * /api/admin route (sign-in included), a company's list gates that company's data, both read
 * the address the trusted-proxy configuration decides (request.ip), a list that would exclude
 * its author is refused, every change is audited with the old and new values, and
 * `pnpm admin:networks-clear` opens the console again from the server.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CliError, clearNetworks, parseNetworksClearArgs } from '../src/cli/admin-networks-clear.ts'
import { createCampaign, createCompany, createOperator } from './factories.ts'
import { type TestContext, createTestContext, signedInOperator } from './harness.ts'

const OFFICE = '198.51.100.7'
const OFFICE_V6 = '2001:db8:1::7'
const HOME = '203.0.113.9'

let context: TestContext
beforeAll(async () => {
  // One proxy in front (hop count 1): it appends the client's real address to X-Forwarded-For.
  context = await createTestContext({ trustProxy: 1 })
}, 60_000)
afterAll(() => context.close())

type Method = 'GET' | 'PUT' | 'POST' | 'DELETE' | 'PATCH'
const call = (from: string, method: Method, url: string, headers: Record<string, string> = {}, payload?: object) =>
  context.app.inject({ method, url, headers: { ...headers, 'x-forwarded-for': from }, ...(payload ? { payload } : {}) })
const installationList = (from: string, headers: Record<string, string>, allowedNetworks: string[]) =>
  call(from, 'PUT', '/api/admin/settings/networks', headers, { allowedNetworks })
const companyList = (from: string, headers: Record<string, string>, companyId: string, allowedNetworks: string[]) =>
  call(from, 'PUT', `/api/admin/companies/${companyId}/settings`, headers, { allowedNetworks })
const errorCode = (response: { json: () => { error?: { code?: string } } }) => response.json().error?.code

async function resetInstallationList() {
  await context.db.settings.upsert({ where: { id: 1 }, create: { id: 1, allowedNetworks: [] }, update: { allowedNetworks: [] } })
}

describe('the installation allow-list', () => {
  afterAll(resetInstallationList)

  it('gates every console route, sign-in and the API document included, by the address the trusted proxy reports', async () => {
    const system = await signedInOperator(context, { isSystemAdmin: true })
    const { operator, password } = await createOperator(context.app.services.operators)
    const saved = await installationList(OFFICE, system.headers, ['198.51.100.0/24', '2001:db8:1::/48', '192.0.2.1'])
    expect(saved.statusCode, saved.body).toBe(200)
    expect(saved.json()).toEqual({ allowedNetworks: ['198.51.100.0/24', '2001:db8:1::/48', '192.0.2.1'], yourAddress: OFFICE })

    const signIn = (from: string) => call(from, 'POST', '/api/admin/session', {}, { email: operator.email, password })
    const refused = await signIn(HOME)
    expect(refused.statusCode).toBe(403)
    expect(errorCode(refused)).toBe('NETWORK_NOT_ALLOWED')
    // The client writes what it likes before the proxy's entry; only the proxy's entry counts.
    expect((await signIn(`${OFFICE}, ${HOME}`)).statusCode).toBe(403)
    expect((await signIn('192.0.2.2')).statusCode).toBe(403)
    expect((await signIn(OFFICE)).statusCode).toBe(201)
    expect((await signIn(OFFICE_V6)).statusCode).toBe(201)
    expect((await signIn('192.0.2.1')).statusCode).toBe(201)

    for (const [method, url] of [
      ['GET', '/api/admin/session'],
      ['GET', '/api/admin/companies'],
      ['GET', '/api/admin/settings'],
      ['PUT', '/api/admin/settings/networks'],
      ['GET', '/api/docs'],
    ] as const) {
      const response = await call(HOME, method, url, system.headers, method === 'PUT' ? { allowedNetworks: [] } : undefined)
      expect(response.statusCode, `${method} ${url}`).toBe(403)
      expect(errorCode(response), `${method} ${url}`).toBe('NETWORK_NOT_ALLOWED')
    }
    expect((await call(OFFICE, 'GET', '/api/admin/session', system.headers)).statusCode).toBe(200)
    // The employee side is not the console: no list applies there.
    expect((await call(HOME, 'POST', '/api/employee/login', {}, { token: 'x'.repeat(43), password: 'wrong-password' })).statusCode).toBe(401)
  })

  it('refuses a list that would shut out its author, and malformed entries, changing nothing', async () => {
    await resetInstallationList()
    const audited = await context.db.auditEvent.count({ where: { action: 'settings.networks_updated' } })
    const system = await signedInOperator(context, { isSystemAdmin: true })
    const excluding = await installationList(HOME, system.headers, ['198.51.100.0/24'])
    expect(excluding.statusCode).toBe(422)
    expect(errorCode(excluding)).toBe('NETWORK_EXCLUDES_CALLER')
    for (const entry of [
      '198.51.100.0/33',
      '2001:db8::/129',
      '300.1.1.1',
      '198.51.100.07',
      '198.51.100.0/',
      '198.51.100.0/024',
      'fe80::1%eth0',
      'intranet.example',
      '198.51.100.0 /24',
      '',
    ]) {
      const response = await installationList(HOME, system.headers, [`${HOME}/32`, entry])
      expect(response.statusCode, entry).toBe(400)
      expect(errorCode(response), entry).toBe('VALIDATION')
    }
    expect(
      (
        await installationList(
          HOME,
          system.headers,
          Array.from({ length: 101 }, (_, n) => `10.0.${n}.0/24`),
        )
      ).statusCode,
    ).toBe(400)
    expect((await context.db.settings.findUnique({ where: { id: 1 } }))?.allowedNetworks).toEqual([])
    expect(await context.db.auditEvent.count({ where: { action: 'settings.networks_updated' } })).toBe(audited)
  })

  it('is read and changed by system administrators only; each change is audited with the old and new list', async () => {
    await resetInstallationList()
    const admin = await signedInOperator(context, { role: 'administrator' })
    expect((await call(OFFICE, 'GET', '/api/admin/settings/networks', admin.headers)).statusCode).toBe(403)
    expect((await installationList(OFFICE, admin.headers, [OFFICE])).statusCode).toBe(403)

    const system = await signedInOperator(context, { isSystemAdmin: true })
    expect((await call(OFFICE, 'GET', '/api/admin/settings/networks', system.headers)).json()).toEqual({ allowedNetworks: [], yourAddress: OFFICE })
    expect((await installationList(OFFICE, system.headers, [' 198.51.100.0/24 ', '198.51.100.0/24', '2001:DB8:1::/48'])).statusCode).toBe(200)
    expect((await installationList(OFFICE, system.headers, ['198.51.100.7'])).json().allowedNetworks).toEqual(['198.51.100.7'])
    const events = await context.db.auditEvent.findMany({ where: { action: 'settings.networks_updated', actorId: system.operator.id }, orderBy: { id: 'asc' } })
    expect(events.map((event) => ({ actorId: event.actorId, companyId: event.companyId, detail: event.detail }))).toEqual([
      { actorId: system.operator.id, companyId: null, detail: { before: [], after: ['198.51.100.0/24', '2001:DB8:1::/48'] } },
      { actorId: system.operator.id, companyId: null, detail: { before: ['198.51.100.0/24', '2001:DB8:1::/48'], after: ['198.51.100.7'] } },
    ])
  })
})

describe("a company's allow-list", () => {
  it("gates that company's data for its operators, in every company-scoped route; their other companies stay open", async () => {
    const company = await createCompany(context.db)
    const campaign = await createCampaign(context.db, company.id)
    const other = await createCompany(context.db)
    const admin = await signedInOperator(context, { role: 'administrator', companyId: company.id })
    const operator = await signedInOperator(context, {
      assignments: [
        { companyId: company.id, role: 'operator' },
        { companyId: other.id, role: 'operator' },
      ],
    })
    const saved = await companyList(OFFICE, admin.headers, company.id, ['198.51.100.0/24'])
    expect(saved.statusCode, saved.body).toBe(200)
    expect(saved.json()).toEqual({ allowedNetworks: ['198.51.100.0/24'], acceptNumberAgreement: false, yourAddress: OFFICE })

    for (const url of [
      `/api/admin/companies/${company.id}/campaigns`,
      `/api/admin/campaigns/${campaign.id}`,
      `/api/admin/campaigns/${campaign.id}/dashboard`,
      `/api/admin/companies/${company.id}/settings`,
    ]) {
      const refused = await call(HOME, 'GET', url, operator.headers)
      expect(refused.statusCode, url).toBe(403)
      expect(errorCode(refused), url).toBe('NETWORK_NOT_ALLOWED')
      expect((await call(OFFICE, 'GET', url, admin.headers)).statusCode, url).toBe(200)
    }
    expect((await call(HOME, 'GET', `/api/admin/companies/${other.id}/campaigns`, operator.headers)).statusCode).toBe(200)
    // Lists of companies leave out the ones the address may not reach.
    const listed = (await call(HOME, 'GET', '/api/admin/companies', operator.headers)).json().companies.map((c: { id: string }) => c.id)
    expect(listed).toEqual([other.id])
    const session = (await call(HOME, 'GET', '/api/admin/session', operator.headers)).json()
    expect(session.companies.map((c: { id: string }) => c.id)).toEqual([other.id])
    // Another company's operator still gets 404, as for any id they may not see.
    const stranger = await signedInOperator(context, { role: 'administrator' })
    expect((await call(OFFICE, 'GET', `/api/admin/companies/${company.id}/settings`, stranger.headers)).statusCode).toBe(404)
  })

  it("leaves the company's events out of an administrator's audit log when read from outside its list", async () => {
    const listed = await createCompany(context.db)
    const open = await createCompany(context.db)
    const admin = await signedInOperator(context, {
      assignments: [
        { companyId: listed.id, role: 'administrator' },
        { companyId: open.id, role: 'administrator' },
      ],
    })
    await context.app.services.audit.record({ companyId: listed.id, actorType: 'system', actorId: null, action: 'campaign.updated', targetId: null })
    await context.app.services.audit.record({ companyId: open.id, actorType: 'system', actorId: null, action: 'campaign.updated', targetId: null })
    expect((await companyList(OFFICE, admin.headers, listed.id, ['198.51.100.0/24'])).statusCode).toBe(200)
    const companiesOf = async (from: string) =>
      new Set((await call(from, 'GET', '/api/admin/audit-events?limit=200', admin.headers)).json().events.map((e: { companyId: string | null }) => e.companyId))
    expect(await companiesOf(OFFICE)).toContain(listed.id)
    const fromHome = await companiesOf(HOME)
    expect(fromHome).toContain(open.id)
    expect(fromHome).not.toContain(listed.id)
    expect((await call(HOME, 'GET', `/api/admin/audit-events?companyId=${listed.id}`, admin.headers)).statusCode).toBe(403)
  })

  it('is changed by its administrators only, never to shut out the author, and audited with the old and new list', async () => {
    const company = await createCompany(context.db)
    const admin = await signedInOperator(context, { role: 'administrator', companyId: company.id })
    const operator = await signedInOperator(context, { role: 'operator', companyId: company.id })
    expect((await companyList(OFFICE, operator.headers, company.id, [OFFICE])).statusCode).toBe(403)
    const excluding = await companyList(HOME, admin.headers, company.id, ['198.51.100.0/24'])
    expect(excluding.statusCode).toBe(422)
    expect(errorCode(excluding)).toBe('NETWORK_EXCLUDES_CALLER')
    expect((await companyList(HOME, admin.headers, company.id, ['10.0.0.0/8', 'not-a-network'])).statusCode).toBe(400)
    expect(await context.db.companySettings.count({ where: { companyId: company.id } })).toBe(0)

    expect((await call(OFFICE, 'GET', `/api/admin/companies/${company.id}/settings`, admin.headers)).json()).toEqual({
      allowedNetworks: [],
      acceptNumberAgreement: false,
      yourAddress: OFFICE,
    })
    expect((await companyList(OFFICE, admin.headers, company.id, ['198.51.100.0/24', OFFICE_V6])).statusCode).toBe(200)
    expect((await companyList(OFFICE, admin.headers, company.id, [])).statusCode).toBe(200)
    const events = await context.db.auditEvent.findMany({ where: { action: 'company.settings_updated', companyId: company.id }, orderBy: { id: 'asc' } })
    expect(events.map((event) => ({ actorId: event.actorId, targetId: event.targetId, detail: event.detail }))).toEqual([
      { actorId: admin.operator.id, targetId: company.id, detail: { allowedNetworks: { before: [], after: ['198.51.100.0/24', OFFICE_V6] } } },
      { actorId: admin.operator.id, targetId: company.id, detail: { allowedNetworks: { before: ['198.51.100.0/24', OFFICE_V6], after: [] } } },
    ])
  })

  it('does not bind a system administrator, who may set a list for an office they are not in', async () => {
    const company = await createCompany(context.db)
    const system = await signedInOperator(context, { isSystemAdmin: true })
    expect((await companyList(HOME, system.headers, company.id, ['198.51.100.0/24'])).statusCode).toBe(200)
    expect((await call(HOME, 'GET', `/api/admin/companies/${company.id}/campaigns`, system.headers)).statusCode).toBe(200)
  })
})

describe('pnpm admin:networks-clear', () => {
  it('reads --company <id> or nothing (the installation list)', () => {
    expect(parseNetworksClearArgs([])).toEqual({ companyId: null })
    expect(parseNetworksClearArgs(['--', '--company', '00000000-0000-4000-8000-000000000000'])).toEqual({ companyId: '00000000-0000-4000-8000-000000000000' })
    expect(() => parseNetworksClearArgs(['--company', 'acme'])).toThrow(CliError)
    expect(() => parseNetworksClearArgs(['--all'])).toThrow(/Usage: pnpm admin:networks-clear/)
  })

  it('opens the console again from anywhere, as an audited change by the system', async () => {
    const system = await signedInOperator(context, { isSystemAdmin: true })
    expect((await installationList(OFFICE, system.headers, ['198.51.100.0/24'])).statusCode).toBe(200)
    expect((await call(HOME, 'GET', '/api/admin/session', system.headers)).statusCode).toBe(403)
    expect(await clearNetworks(context.db, { companyId: null })).toEqual({ before: ['198.51.100.0/24'] })
    expect((await call(HOME, 'GET', '/api/admin/session', system.headers)).statusCode).toBe(200)
    const event = await context.db.auditEvent.findFirstOrThrow({ where: { action: 'settings.networks_updated', actorType: 'system' } })
    expect(event.detail).toEqual({ before: ['198.51.100.0/24'], after: [], via: 'cli' })
  })

  it("clears one company's list, and refuses an unknown company", async () => {
    const company = await createCompany(context.db)
    const admin = await signedInOperator(context, { role: 'administrator', companyId: company.id })
    expect((await companyList(OFFICE, admin.headers, company.id, ['198.51.100.0/24'])).statusCode).toBe(200)
    expect(await clearNetworks(context.db, { companyId: company.id })).toEqual({ before: ['198.51.100.0/24'] })
    expect((await call(HOME, 'GET', `/api/admin/companies/${company.id}/campaigns`, admin.headers)).statusCode).toBe(200)
    const event = await context.db.auditEvent.findFirstOrThrow({ where: { action: 'company.settings_updated', actorType: 'system', companyId: company.id } })
    expect(event.detail).toEqual({ allowedNetworks: { before: ['198.51.100.0/24'], after: [] }, via: 'cli' })
    await expect(clearNetworks(context.db, { companyId: '00000000-0000-4000-8000-000000000000' })).rejects.toThrow(/No company/)
  })
})
