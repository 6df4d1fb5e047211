/**
 * Every /api/admin route, taken from the server's own route table (routes added later are
 * covered without touching this file), against every kind of caller who must be refused.
 * Path ids are real rows of the victim company; a route with a parameter this file has no
 * fixture for fails the test, so that a new kind of id gets one.
 */
import { DEFAULT_PURPOSES } from '@bango/shared/admin-api'
import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { documentAad } from '../src/domain/drafts.ts'
import { createFileBlobStore } from '../src/lib/blob-store.ts'
import { encryptBlob } from '../src/lib/envelope.ts'
import { type Route, changedTables, fillPath, routeKey as key, routeTable, tableSnapshot } from './access-matrix.ts'
import { type TestContext, createTestContext, login, signedInOperator } from './harness.ts'
import { cardPhoto } from './images.ts'

const { routes, onRoute } = routeTable()
const adminRoutes = () =>
  routes.filter((r) => r.url.startsWith('/api/admin/') && !(r.method === 'POST' && r.url === '/api/admin/session'))

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
])

/** Reachable only by system administrators: the positive test signs in as one. */
const SYSTEM_ADMIN_ONLY = new Set(['GET /api/admin/settings'])

/**
 * Valid bodies, so that a refusal can only come from access control, never from validation.
 * Routes missing here get `{}`; if one of them answers 400 to a stranger, add its body here.
 */
const BODIES: Record<string, object> = {
  'POST /api/admin/companies': { name: '乗っ取り株式会社' },
  'PATCH /api/admin/companies/:companyId': { name: '乗っ取り株式会社' },
  'POST /api/admin/companies/:companyId/campaigns': campaignBody(),
  'PATCH /api/admin/campaigns/:campaignId': campaignBody(),
  'POST /api/admin/companies/:companyId/operators': { email: 'intruder@example.test', name: '侵入者', role: 'administrator' },
  'PATCH /api/admin/companies/:companyId/operators/:operatorId': { disabled: true },
  'PUT /api/admin/settings': { requireTotp: true },
  'POST /api/admin/campaigns/:campaignId/credentials/exports': { format: 'postal_kit', employeeIds: ['00000000-0000-4000-8000-000000000000'] },
  'POST /api/admin/campaigns/:campaignId/email-batches': { kind: 'reminder' },
  'PUT /api/admin/campaigns/:campaignId/employees/:employeeId/persons/:personId/number/entries': { number: '123456789018' },
  'POST /api/admin/campaigns/:campaignId/employees/:employeeId/persons/:personId/dispose': { reason: '乗っ取り' },
  'POST /api/admin/campaigns/:campaignId/dispose': { reason: '乗っ取り' },
  'POST /api/admin/campaigns/:campaignId/employees/:employeeId/persons/:personId/return': { reason: 'other', note: '番号が写っていません' },
}

function campaignBody() {
  return { name: '乗っ取り', purposes: [...DEFAULT_PURPOSES], deadline: null, draftLifetimeHours: 24, retentionMonths: 84, employeeEntersNumber: false }
}

let context: TestContext
let params: Record<string, string>
let victimAdmin: Awaited<ReturnType<typeof signedInOperator>>
type Caller = { name: string; headers: Record<string, string>; expected: number[]; applies: (route: Route) => boolean }
let callers: Caller[]

beforeAll(async () => {
  context = await createTestContext({ onRoute })
  const victim = await context.newEmployee()
  victimAdmin = await signedInOperator(context, { role: 'administrator', companyId: victim.company.id })
  const batch = await context.db.emailBatch.create({ data: { campaignId: victim.campaign.id, kind: 'CREDENTIALS', createdById: victimAdmin.operator.id } })
  const document = await submittedDocument(victim.employee.id)
  params = {
    companyId: victim.company.id,
    campaignId: victim.campaign.id,
    employeeId: victim.employee.id,
    personId: victim.dependents[0]!.id,
    operatorId: victimAdmin.operator.id,
    batchId: batch.id,
    documentId: document.id,
  }

  const stranger = await signedInOperator(context, { role: 'administrator' })
  const notExporting = await signedInOperator(context, { role: 'operator', companyId: victim.company.id })
  const employeeJwt = await login(context.app, victim.token, victim.password)
  const disabled = await signedInOperator(context, { role: 'administrator', companyId: victim.company.id })
  await context.db.operator.update({ where: { id: disabled.operator.id }, data: { disabledAt: new Date() } })
  const idle = await signedInOperator(context, { role: 'administrator', companyId: victim.company.id })
  await context.db.adminSession.updateMany({ where: { operatorId: idle.operator.id }, data: { lastSeenAt: new Date(Date.now() - 31 * 60_000) } })
  const old = await signedInOperator(context, { role: 'administrator', companyId: victim.company.id })
  await context.db.adminSession.updateMany({ where: { operatorId: old.operator.id }, data: { expiresAt: new Date(Date.now() - 1000) } })

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
  ]
}, 60_000)
afterAll(() => context.close())

const fill = (route: Route) => fillPath(route, params, 'admin-access-matrix.test.ts (a row of the victim company)')

function request(route: Route, headers: Record<string, string>) {
  const body = BODIES[key(route)] ?? (['POST', 'PUT', 'PATCH'].includes(route.method) ? {} : undefined)
  return context.app.inject({ method: route.method as 'GET', url: fill(route), headers, ...(body ? { payload: body } : {}) })
}

const snapshot = () => tableSnapshot(context.db)

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

  it('refuses every caller without the right, on every route, and changes nothing', async () => {
    const failures: string[] = []
    for (const route of adminRoutes()) {
      const before = await snapshot()
      for (const caller of callers.filter((c) => c.applies(route))) {
        const response = await request(route, caller.headers)
        if (!caller.expected.includes(response.statusCode)) {
          failures.push(`${key(route)} as ${caller.name}: ${response.statusCode} ${response.body.slice(0, 120)}`)
        }
      }
      for (const table of changedTables(before, await snapshot())) failures.push(`${key(route)}: table ${table} changed`)
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
        ...(valid ? [{ name: 'every field the wrong type', payload: JSON.stringify(Object.fromEntries(Object.keys(valid).map((k) => [k, { nested: true }]))), type: 'application/json' }] : []),
      ]
      const before = await snapshot()
      for (const variant of variants) {
        const response = await context.app.inject({
          method: route.method as 'POST',
          url: fill(route),
          headers: { ...victimAdmin.headers, 'content-type': variant.type },
          payload: variant.payload,
        })
        if (response.statusCode < 400 || response.statusCode >= 500) failures.push(`${key(route)} with ${variant.name}: ${response.statusCode} ${response.body.slice(0, 120)}`)
      }
      for (const table of changedTables(before, await snapshot())) failures.push(`${key(route)}: table ${table} changed`)
    }
    expect(withBody.length).toBeGreaterThan(8)
    expect(failures).toEqual([])
  })
})

/** The employee's ways in: everything else under /api/employee needs the employee's own session. */
const PUBLIC_EMPLOYEE = new Set(['POST /api/employee/login', 'POST /api/employee/session/handoff/redeem'])

/** Unsafe admin routes that read no body (an action on the resource in the path). */
const IGNORES_BODY = new Set([
  'POST /api/admin/account/totp',
  'POST /api/admin/campaigns/:campaignId/close',
  'POST /api/admin/campaigns/:campaignId/employees/:employeeId/unlock',
  'POST /api/admin/campaigns/:campaignId/employees/:employeeId/persons/:personId/number/reveal',
  'POST /api/admin/campaigns/:campaignId/employees/:employeeId/persons/:personId/number/ocr',
  'POST /api/admin/campaigns/:campaignId/employees/:employeeId/persons/:personId/approve',
])

/** The victim employee has pressed 完了 with one real (encrypted) image, so the review routes have something to show. */
async function submittedDocument(employeeId: string) {
  const submission = await context.db.submission.create({ data: { employeeId } })
  const id = randomUUID()
  const blobKey = randomUUID()
  const jpeg = await cardPhoto()
  await createFileBlobStore(context.blobDir).put(blobKey, encryptBlob(context.secrets.keyring, jpeg, documentAad({ id, personId: employeeId })))
  await context.db.person.update({ where: { id: employeeId }, data: { status: 'REGISTERED', progress: 'SUBMITTED' } })
  return context.db.document.create({
    data: { id, personId: employeeId, role: 'NUMBER', slot: 0, side: 'FRONT', type: 'resident_record', state: 'SUBMITTED', submissionId: submission.id, blobKey, byteSize: jpeg.length, width: 640, height: 400 },
  })
}

function mapStrings(value: unknown, map: (text: string) => string): unknown {
  if (typeof value === 'string') return map(value)
  if (Array.isArray(value)) return value.map((item) => mapStrings(item, map))
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, mapStrings(v, map)]))
  return value
}
