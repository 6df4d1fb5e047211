/**
 * Every /api/admin route, taken from the server's own route table (routes added later are
 * covered without touching this file), against every kind of caller who must be refused.
 * Path ids are real rows of the victim company (route-table.ts); a route with a parameter that has no
 * fixture for fails the test, so that a new kind of id gets one.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type TestContext, createTestContext, login, signedInOperator } from './harness.ts'
import {
  ADMIN_BODIES as BODIES,
  IGNORES_BODY,
  PUBLIC_EMPLOYEE,
  type Route,
  type TableSnapshot,
  changedTables,
  fillPath,
  routeCollector,
  routeKey as key,
  tableSnapshot,
  victimCompany,
} from './route-table.ts'

const { routes, onRoute: collect } = routeCollector()
const adminRoutes = () => routes.filter((r) => r.url.startsWith('/api/admin/') && !(r.method === 'POST' && r.url === '/api/admin/session'))

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS'])

/**
 * The operator's own session and account: not scoped to a company, so an operator of another
 * company is *supposed* to reach them (for themself). Every other route without a path id must
 * refuse that operator (a system-administrator route, say).
 */
const SELF_SCOPED = new Set([
  'GET /api/admin/session',
  'DELETE /api/admin/session',
  'POST /api/admin/session/totp',
  'POST /api/admin/session/recovery-code',
  'POST /api/admin/account/totp',
  'POST /api/admin/account/totp/confirm',
  'DELETE /api/admin/account/totp',
  'PUT /api/admin/account/password',
  'GET /api/admin/companies',
  // The same blank template for everyone signed in: no company data in it.
  'GET /api/admin/import-template.csv',
  // Scoped to the caller's own companies (another company's events are filtered out; its
  // companyId answers 404 — admin-audit.test.ts), and refused to mere operators.
  'GET /api/admin/audit-events',
  'GET /api/admin/audit-events.csv',
  'GET /api/admin/audit-subjects',
])

/** Reachable only by system administrators: the positive test signs in as one. */
const SYSTEM_ADMIN_ONLY = new Set(['GET /api/admin/settings', 'GET /api/admin/settings/networks'])

/** The network allow-lists (ADR 035): the matrix's own callers come from 127.0.0.1. */
const INSTALLATION_NETWORKS = ['127.0.0.0/8', '::1', '192.0.2.0/24']
const VICTIM_NETWORKS = ['127.0.0.0/8', '::1']
const OUTSIDE_COMPANY = '192.0.2.10'
const OUTSIDE_INSTALLATION = '198.51.100.9'

let context: TestContext
let params: Record<string, string>
let victimAdmin: Awaited<ReturnType<typeof signedInOperator>>
type Caller = {
  name: string
  headers: Record<string, string>
  expected: number[]
  applies: (route: Route) => boolean
  /** The client's address (app.inject's remoteAddress); 127.0.0.1 when absent. */
  from?: string
  /** The error code the refusal must carry, where the status alone does not say why. */
  code?: string
}
let callers: Caller[]

beforeAll(async () => {
  context = await createTestContext({ onRoute: collect })
  const company = await victimCompany(context)
  const { victim } = company
  victimAdmin = company.admin
  params = company.params

  const stranger = await signedInOperator(context, { role: 'administrator' })
  const notExporting = await signedInOperator(context, { role: 'operator', companyId: victim.company.id })
  const employeeJwt = await login(context.app, victim.token, victim.password)
  const disabled = await signedInOperator(context, { role: 'administrator', companyId: victim.company.id })
  await context.db.operator.update({ where: { id: disabled.operator.id }, data: { disabledAt: new Date() } })
  const idle = await signedInOperator(context, { role: 'administrator', companyId: victim.company.id })
  await context.db.adminSession.updateMany({ where: { operatorId: idle.operator.id }, data: { lastSeenAt: new Date(Date.now() - 31 * 60_000) } })
  const old = await signedInOperator(context, { role: 'administrator', companyId: victim.company.id })
  await context.db.adminSession.updateMany({ where: { operatorId: old.operator.id }, data: { expiresAt: new Date(Date.now() - 1000) } })
  await context.db.settings.create({ data: { id: 1, allowedNetworks: INSTALLATION_NETWORKS } })
  await context.db.companySettings.create({ data: { companyId: victim.company.id, allowedNetworks: VICTIM_NETWORKS } })

  const system = await signedInOperator(context, { isSystemAdmin: true })
  const always = () => true
  callers = [
    { name: 'no session', headers: {}, expected: [401], applies: always },
    { name: 'employee JWT as Bearer', headers: { authorization: `Bearer ${employeeJwt}` }, expected: [401], applies: always },
    { name: 'disabled account', headers: disabled.headers, expected: [401], applies: always },
    { name: 'session idle > 30 min', headers: idle.headers, expected: [401], applies: always },
    { name: 'session past its 12 h lifetime', headers: old.headers, expected: [401], applies: always },
    { name: 'missing CSRF token', headers: { cookie: victimAdmin.headers.cookie }, expected: [403], applies: (route) => !SAFE.has(route.method) },
    { name: 'operator not allowed to export', headers: notExporting.headers, expected: [403], applies: (route) => route.url.includes('/exports/') },
    {
      name: 'administrator of another company',
      headers: stranger.headers,
      expected: [403, 404],
      applies: (route) => route.url.includes(':') || !SELF_SCOPED.has(key(route)),
    },
    {
      name: "the company's own administrator, from outside the company's allow-list",
      headers: victimAdmin.headers,
      from: OUTSIDE_COMPANY,
      expected: [403],
      code: 'NETWORK_NOT_ALLOWED',
      applies: (route) => route.url.includes(':'),
    },
    {
      name: "a system administrator, from outside the installation's allow-list",
      headers: system.headers,
      from: OUTSIDE_INSTALLATION,
      expected: [403],
      code: 'NETWORK_NOT_ALLOWED',
      applies: always,
    },
  ]
}, 60_000)
afterAll(() => context.close())

const fill = (route: Route) => fillPath(route, params)

function request(route: Route, headers: Record<string, string>, from = '127.0.0.1') {
  const body = BODIES[key(route)] ?? (['POST', 'PUT', 'PATCH'].includes(route.method) ? {} : undefined)
  return context.app.inject({ method: route.method as 'GET', url: fill(route), headers, remoteAddress: from, ...(body ? { payload: body } : {}) })
}

const snapshot = (): Promise<TableSnapshot> => tableSnapshot(context.db)

describe('admin access matrix', () => {
  it('collects the admin routes from the route table', () => {
    const keys = adminRoutes().map(key)
    for (const expected of ['GET /api/admin/companies', 'POST /api/admin/campaigns/:campaignId/close', 'PUT /api/admin/settings', 'GET /api/admin/session']) {
      expect(keys).toContain(expected)
    }
    expect(keys).not.toContain('POST /api/admin/session')
    // Every route's path parameters have a fixture (fails loudly, naming the route, otherwise).
    for (const route of adminRoutes()) fill(route)
  })

  it('sees a write to any table in its snapshot, a session’s activity time aside, and nothing when nothing was written', async () => {
    const company = await context.db.company.findUniqueOrThrow({ where: { id: params.companyId } })
    const session = await context.db.adminSession.findFirstOrThrow()
    const before = await snapshot()
    expect(changedTables(before, await snapshot())).toEqual([])
    await context.db.adminSession.update({ where: { id: session.id }, data: { lastSeenAt: new Date(Date.now() + 1000) } })
    expect(changedTables(before, await snapshot())).toEqual([])
    await context.db.company.update({ where: { id: company.id }, data: { name: `${company.name} 2` } })
    expect(changedTables(before, await snapshot())).toEqual(['companies'])
    await context.db.adminSession.update({ where: { id: session.id }, data: { expiresAt: new Date(session.expiresAt.getTime() + 60_000) } })
    expect(changedTables(before, await snapshot()).sort()).toEqual(['admin_sessions', 'companies'])
    // The rows as they were: the checks below start from the same state.
    await context.db.company.update({ where: { id: company.id }, data: { name: company.name } })
    await context.db.adminSession.update({ where: { id: session.id }, data: { expiresAt: session.expiresAt } })
    expect(changedTables(before, await snapshot())).toEqual([])
  })

  it('refuses every caller without the right, on every route, and changes nothing', async () => {
    const failures: string[] = []
    for (const route of adminRoutes()) {
      const before = await snapshot()
      for (const caller of callers.filter((c) => c.applies(route))) {
        const response = await request(route, caller.headers, caller.from)
        const code = caller.code && (response.json() as { error?: { code?: string } }).error?.code
        if (!caller.expected.includes(response.statusCode) || code !== caller.code) {
          failures.push(`${key(route)} as ${caller.name}: ${response.statusCode} ${response.body.slice(0, 120)}`)
        }
      }
      const after = await snapshot()
      for (const table of changedTables(before, after)) failures.push(`${key(route)}: table ${table} changed`)
    }
    expect(failures).toEqual([])
  })

  it('lets the victim company’s own administrator reach every GET route', async () => {
    const system = await signedInOperator(context, { isSystemAdmin: true })
    const failures: string[] = []
    for (const route of adminRoutes().filter((r) => r.method === 'GET')) {
      const headers = SYSTEM_ADMIN_ONLY.has(key(route)) ? system.headers : victimAdmin.headers
      const response = await request(route, headers)
      if ([401, 403, 404].includes(response.statusCode)) failures.push(`${key(route)}: ${response.statusCode} ${response.body.slice(0, 120)}`)
    }
    expect(failures).toEqual([])
  })

  it('refuses an admin session on every employee route', async () => {
    const employeeRoutes = routes.filter((r) => r.url.startsWith('/api/employee/') && !PUBLIC_EMPLOYEE.has(key(r)))
    expect(employeeRoutes.length).toBeGreaterThan(5)
    const failures: string[] = []
    for (const route of employeeRoutes) {
      const response = await context.app.inject({ method: route.method as 'GET', url: fill(route), headers: victimAdmin.headers })
      if (response.statusCode !== 401) failures.push(`${key(route)}: ${response.statusCode}`)
    }
    expect(failures).toEqual([])
  })

  it('answers malformed input on every admin route that takes a body with a 4xx, as the rightful administrator, and changes nothing', async () => {
    const failures: string[] = []
    const withBody = adminRoutes().filter((route) => ['POST', 'PUT', 'PATCH'].includes(route.method) && !IGNORES_BODY.has(key(route)))
    for (const route of withBody) {
      const valid = BODIES[key(route)]
      const variants: { name: string; payload: string; type: string }[] = [
        { name: 'broken JSON', payload: '{"name": ', type: 'application/json' },
        { name: 'a JSON array', payload: '[1, 2]', type: 'application/json' },
        { name: 'a form post', payload: 'name=x', type: 'application/x-www-form-urlencoded' },
        ...(valid ? [{ name: 'NUL in every text', payload: JSON.stringify(mapStrings(valid, (v) => `${v}\u0000`)), type: 'application/json' }] : []),
        // A lone surrogate is no text at all: PostgreSQL refuses it in text and jsonb alike.
        ...(valid
          ? [{ name: 'a lone surrogate in every text', payload: JSON.stringify(mapStrings(valid, (v) => `${v}\ud800`)), type: 'application/json' }]
          : []),
        ...(valid
          ? [
              {
                name: 'every field the wrong type',
                payload: JSON.stringify(Object.fromEntries(Object.keys(valid).map((k) => [k, { nested: true }]))),
                type: 'application/json',
              },
            ]
          : []),
      ]
      const before = await snapshot()
      for (const variant of variants) {
        const response = await context.app.inject({
          method: route.method as 'POST',
          url: fill(route),
          headers: { ...victimAdmin.headers, 'content-type': variant.type },
          payload: variant.payload,
        })
        if (response.statusCode < 400 || response.statusCode >= 500)
          failures.push(`${key(route)} with ${variant.name}: ${response.statusCode} ${response.body.slice(0, 120)}`)
      }
      const after = await snapshot()
      for (const table of changedTables(before, after)) failures.push(`${key(route)}: table ${table} changed`)
    }
    expect(withBody.length).toBeGreaterThan(8)
    expect(failures).toEqual([])
  })
})

function mapStrings(value: unknown, map: (text: string) => string): unknown {
  if (typeof value === 'string') return map(value)
  if (Array.isArray(value)) return value.map((item) => mapStrings(item, map))
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, mapStrings(v, map)]))
  return value
}
