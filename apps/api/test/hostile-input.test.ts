/**
 * Hostile input. Property-based (fast-check): at least FUZZ_RUNS generated
 * bad requests over every route of the server's own route table, each sent by a caller the
 * route admits (a consented employee, a signed-in system administrator with the CSRF token,
 * or nobody on the public ways in), so the input reaches validation and the handlers.
 * Pass: no answer ≥ 500, no crash or unhandled rejection, and a refused (4xx) request changes
 * no row of any table. A route with no body generator or path fixture fails, naming itself.
 * Replay a run with the printed seed: FUZZ_SEED=<seed> (and FUZZ_RUNS=<n>).
 */
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { storedKeys } from './blob-stores.ts'
import { type TestContext, adminHeaders, createTestContext, imageUpload, signedInEmployee, signedInOperator } from './harness.ts'
import { cardPhoto } from './images.ts'
import { type HostileFiles, hostileFiles } from './hostile-files.ts'
import { type BodyShape, type HostileBody, type HostileRequest, csvBody, hostileRequests, jsonBody, uploadBody } from './hostile-requests.ts'
import {
  ADMIN_BODIES,
  IGNORES_BODY,
  PUBLIC_EMPLOYEE,
  type Route,
  type TableSnapshot,
  changedTables,
  fillPath,
  routeCollector,
  routeKey,
  tableSnapshot,
  victimCompany,
} from './route-table.ts'

const RUNS = Number(process.env.FUZZ_RUNS ?? 1_000)
const SEED = Number(process.env.FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31))
/** The image upload takes the most kinds of input: it gets this many times a route's share. */
const UPLOAD_WEIGHT = 4

const { routes, onRoute } = routeCollector()

/** Valid bodies of the routes ADMIN_BODIES (route-table.ts) does not name; `{}` = the route reads none. */
const FUZZ_BODIES: Record<string, object> = {
  'POST /api/employee/session/refresh': {},
  'POST /api/employee/session/logout': {},
  'POST /api/employee/session/handoff': {},
  'POST /api/employee/submission': {},
  'POST /api/employee/persons': { name: '総合 次郎', kana: 'ソウゴウ ジロウ', relationship: '02', birthDate: '2015-04-01' },
  'PUT /api/employee/persons/:personId/applicability': { applicable: true },
  'POST /api/employee/persons/:personId/registration': { numberDocument: { type: 'my_number_card', hasBack: true }, identity: null },
  'POST /api/employee/persons/:personId/number-check': { myNumber: '123456789018' },
  'PUT /api/employee/persons/:personId/draft/back-absence': { role: 'number', slot: 0, absent: true },
  'POST /api/admin/session/totp': { code: '123456' },
  'POST /api/admin/session/recovery-code': { code: 'ABCD-EFGH-JKMN-PQRS' },
  'POST /api/admin/account/totp': { currentPassword: 'wrong-password' },
  'POST /api/admin/account/totp/confirm': { code: '123456' },
  'DELETE /api/admin/account/totp': { currentPassword: 'wrong-password', code: '123456' },
  'PUT /api/admin/account/password': { currentPassword: 'wrong-password', newPassword: 'a-new-password-1234' },
}

/**
 * Tables a refused request may write by design: failed sign-ins are counted (lockout) and
 * recorded as security events. Everything else refused must leave every table as it was.
 */
const REFUSAL_MAY_WRITE: Record<string, string[]> = {
  'POST /api/employee/login': ['audit_events', 'credentials', 'employee_sessions'],
  'POST /api/admin/session': ['audit_events', 'operators'],
  // A wrong second-factor code counts towards the account's lockout, like a wrong password.
  'POST /api/admin/session/totp': ['audit_events', 'operators'],
  'POST /api/admin/session/recovery-code': ['audit_events', 'operators'],
  'POST /api/admin/account/totp': ['audit_events', 'operators'],
  'POST /api/admin/account/totp/confirm': ['audit_events', 'operators'],
  'DELETE /api/admin/account/totp': ['audit_events', 'operators'],
  // So does a wrong current password when changing it.
  'PUT /api/admin/account/password': ['audit_events', 'operators'],
  // And the administrator's own password when resetting an operator.
  'POST /api/admin/companies/:companyId/operators/:operatorId/reset': ['audit_events', 'operators'],
  // An address that already has an account is refused and recorded (operator.create_refused, ADR 036).
  'POST /api/admin/companies/:companyId/operators': ['audit_events'],
}

type CallerKind = 'public' | 'employee' | 'fresh employee session' | 'admin' | 'fresh admin session'

/** Who sends a route's requests. Routes that end or change the caller's own session or account get a fresh one each time. */
function callerKind(route: Route): CallerKind {
  const key = routeKey(route)
  if (key.startsWith('GET /api/health') || PUBLIC_EMPLOYEE.has(key) || key === 'POST /api/admin/session') return 'public'
  // The OpenAPI document sits behind the console's gate (openapi/routes.ts).
  if (key === 'GET /api/docs') return 'admin'
  if (route.url.startsWith('/api/employee/session/')) return 'fresh employee session'
  if (route.url.startsWith('/api/employee/')) return 'employee'
  if (/^\/api\/admin\/(session|account)(\/|$)/.test(route.url)) return 'fresh admin session'
  if (route.url.startsWith('/api/admin/')) return 'admin'
  throw new Error(`${key}: no caller for this part of the API — teach callerKind() in hostile-input.test.ts who may call it`)
}

function bodyShape(route: Route): BodyShape {
  const key = routeKey(route)
  if (key === 'POST /api/employee/persons/:personId/images') return { kind: 'upload' }
  if (key === 'POST /api/admin/campaigns/:campaignId/import') return { kind: 'csv' }
  const valid = FUZZ_BODIES[key] ?? context.bodies[key] ?? ADMIN_BODIES[key] ?? (IGNORES_BODY.has(key) ? {} : undefined)
  if (valid) return { kind: 'json', valid }
  if (route.method === 'GET' || route.method === 'DELETE') return { kind: 'none' }
  throw new Error(`${key}: no body generator — add its valid body to FUZZ_BODIES in hostile-input.test.ts`)
}

interface Fixtures {
  app: TestContext
  files: HostileFiles
  employee: Awaited<ReturnType<typeof signedInEmployee>>
  adminHeaders: Record<string, string>
  selfAdminId: string
  params: { employee: Record<string, string>; admin: Record<string, string> }
  /** Valid public bodies made from fixtures (a real token, a real e-mail). */
  bodies: Record<string, object>
}
let context: Fixtures
const errors: unknown[] = []
const onError = (error: unknown) => errors.push(error)

beforeAll(async () => {
  process.on('unhandledRejection', onError)
  process.on('uncaughtException', onError)
  const app = await createTestContext({
    onRoute,
    numberReader: { readNumber: async () => ({ number: '123456789018', upright: null }), close: async () => {} },
    // Requests go one at a time: the queue never fills, so SERVER_BUSY would be a finding.
    imageWorkOptions: { concurrency: 2, maxWaiting: 64, maxWaitMs: 60_000 },
    rateLimits: { loginPerMinute: 100_000, uploadPerMinute: 100_000 },
  })
  const employee = await signedInEmployee(app)
  const company = await victimCompany(app)
  // The console's caller reaches every route: a system administrator, administrator of the victim company.
  const admin = await signedInOperator(app, { role: 'administrator', companyId: company.victim.company.id, isSystemAdmin: true })
  const selfAdmin = await signedInOperator(app, { role: 'administrator', companyId: company.victim.company.id })
  const loginTarget = await app.newEmployee()
  const spareCampaign = await app.db.campaign.create({
    data: { companyId: company.victim.company.id, name: '予備', purposes: company.victim.campaign.purposes },
  })
  context = {
    app,
    files: await hostileFiles(),
    employee,
    adminHeaders: admin.headers,
    selfAdminId: selfAdmin.operator.id,
    params: {
      employee: { personId: employee.dependents[0]!.id, selfId: employee.employee.id, imageId: await draftImage(app, employee, employee.dependents[0]!.id) },
      // operatorId: a colleague (the company's own administrator), never the caller itself.
      admin: { ...company.params, spareCampaignId: spareCampaign.id, sparePersonId: company.victim.dependents[1]!.id },
    },
    bodies: {
      'POST /api/admin/campaigns/:campaignId/credentials': { employeeIds: [company.victim.employee.id] },
      'POST /api/admin/campaigns/:campaignId/credentials/exports': { format: 'postal_kit', employeeIds: [company.victim.employee.id] },
      'POST /api/employee/login': { token: loginTarget.token, password: loginTarget.password },
      'POST /api/employee/link': { token: loginTarget.token },
      'POST /api/employee/consent': { purposes: employee.campaign.purposes },
      'POST /api/employee/session/handoff/redeem': { code: 'x'.repeat(43) },
      'POST /api/admin/session': { email: selfAdmin.operator.email, password: 'wrong-password' },
    },
  }
}, 120_000)

/** A real draft image of the fixture person, so the thumbnail route reaches its decoder with valid ids. */
async function draftImage(app: TestContext, employee: Fixtures['employee'], personId: string): Promise<string> {
  const body = imageUpload({ role: 'number', slot: 0, side: 'front', type: 'notification_card' }, await cardPhoto())
  const response = await app.app.inject({
    method: 'POST',
    url: `/api/employee/persons/${personId}/images`,
    headers: { ...employee.auth, ...body.headers },
    payload: body.payload,
  })
  expect(response.statusCode, response.body).toBe(201)
  return response.json<{ id: string }>().id
}

afterAll(async () => {
  process.off('unhandledRejection', onError)
  process.off('uncaughtException', onError)
  await context?.app.close()
})

/**
 * Routes whose valid requests would use up a shared fixture act on a spare one (the victim's
 * campaign stays open, its person undisposed); uploads go to the employee themself, whom no
 * fuzzed route registers, so that the images reach the decoder.
 */
const SPARES: Record<string, Record<string, string>> = {
  'POST /api/admin/campaigns/:campaignId/close': { campaignId: 'spareCampaignId' },
  'POST /api/admin/campaigns/:campaignId/dispose': { campaignId: 'spareCampaignId' },
  'POST /api/admin/campaigns/:campaignId/employees/:employeeId/persons/:personId/dispose': { personId: 'sparePersonId' },
  'POST /api/employee/persons/:personId/images': { personId: 'selfId' },
}

function paramsFor(route: Route): Record<string, string> {
  const base = route.url.startsWith('/api/employee/') ? context.params.employee : context.params.admin
  const spares = Object.entries(SPARES[routeKey(route)] ?? {}).map(([name, spare]) => [name, base[spare]!])
  const params = { ...base, ...Object.fromEntries(spares) }
  fillPath(route, params) // throws, naming the route, when a parameter has no fixture
  return params
}

function requestsFor(route: Route): fc.Arbitrary<HostileRequest> {
  const shape = bodyShape(route)
  const body: fc.Arbitrary<HostileBody> =
    shape.kind === 'json'
      ? jsonBody(shape.valid)
      : shape.kind === 'upload'
        ? uploadBody(context.files)
        : shape.kind === 'csv'
          ? csvBody()
          : fc.oneof({ weight: 4, arbitrary: fc.constant({ label: 'no body' }) }, { weight: 1, arbitrary: jsonBody({}) })
  return hostileRequests(route.url, paramsFor(route), body)
}

async function headersFor(kind: CallerKind): Promise<Record<string, string>> {
  if (kind === 'employee') return context.employee.auth
  if (kind === 'admin') return context.adminHeaders
  if (kind === 'fresh admin session') {
    const { token, session } = await context.app.app.services.adminSessions.open(context.selfAdminId, 'ACTIVE')
    return adminHeaders({ token, csrfToken: session.csrfToken })
  }
  if (kind === 'fresh employee session') {
    const claims = await context.app.app.services.sessions.verify(context.employee.accessToken)
    const { accessToken } = await context.app.app.services.sessions.open({
      credentialId: claims.credentialId,
      employeeId: context.employee.employee.id,
      sessionVersion: claims.version,
    })
    return { authorization: `Bearer ${accessToken}` }
  }
  return {}
}

interface Tally {
  requests: number
  classes: Record<string, number>
}
const tally = new Map<string, Tally>()
let baseline: TableSnapshot

/** The blob store's keys (checked like a table: a refused upload must leave none behind). */
async function blobFiles(): Promise<string> {
  return (await storedKeys(context.app.blobs)).join('|')
}

/** One request; a string naming what went wrong, or null. */
async function probe(route: Route, request: HostileRequest): Promise<string | null> {
  const key = routeKey(route)
  const kind = callerKind(route)
  const headers = await headersFor(kind)
  if (kind.startsWith('fresh')) baseline = { ...(await tableSnapshot(context.app.db)), blobs: await blobFiles() }
  const response = await context.app.app.inject({
    method: route.method as 'POST',
    url: request.url,
    headers: { ...headers, ...(request.contentType === undefined ? {} : { 'content-type': request.contentType }) },
    ...(request.payload === undefined ? {} : { payload: request.payload }),
  })
  const status = response.statusCode
  const entry = tally.get(key) ?? { requests: 0, classes: {} }
  const statusClass = status === 429 ? '429' : `${Math.floor(status / 100)}xx`
  entry.requests++
  entry.classes[statusClass] = (entry.classes[statusClass] ?? 0) + 1
  tally.set(key, entry)

  const after = { ...(await tableSnapshot(context.app.db)), blobs: await blobFiles() }
  const before = baseline
  baseline = after
  if (status >= 500 && !(status === 503 && response.headers['retry-after'])) return `answered ${status}: ${response.body.slice(0, 200)}`
  if (errors.length > 0) return `crashed: ${String(errors[0])}`
  if (kind !== 'public' && status === 401 && response.json().error?.code === 'UNAUTHENTICATED')
    return `the ${kind} caller was refused as signed out (lost its session?)`
  if (status >= 400) {
    const changed = changedTables(before, after).filter((table) => !REFUSAL_MAY_WRITE[key]?.includes(table))
    if (changed.length > 0) return `refused with ${status} but changed ${changed.join(', ')}`
  }
  return null
}

const describeRequest = (request: HostileRequest) => {
  const payload = Buffer.from(request.payload ?? '')
  const shown = payload.length > 300 ? `${payload.subarray(0, 300).toString('utf8')}… (${payload.length} bytes)` : payload.toString('utf8')
  return `${request.label}\n    url: ${request.url.slice(0, 300)}\n    content-type: ${request.contentType ?? '(none)'}\n    body: ${JSON.stringify(shown)}`
}

describe('hostile input', () => {
  it('has a caller, path fixtures and a body generator for every route', () => {
    expect(routes.length).toBeGreaterThan(50)
    expect(routes.map(routeKey)).toContain('GET /api/health')
    const missing: string[] = []
    for (const route of routes) {
      try {
        callerKind(route)
        requestsFor(route)
      } catch (error) {
        missing.push((error as Error).message)
      }
    }
    expect(missing).toEqual([])
  })

  it(`answers ${RUNS}+ generated bad requests over every route without a 5xx, a crash or a changed row when refused`, async () => {
    const perRoute = Math.ceil(RUNS / (routes.length + UPLOAD_WEIGHT - 1))
    const failures: string[] = []
    baseline = { ...(await tableSnapshot(context.app.db)), blobs: await blobFiles() }
    for (const [index, route] of routes.entries()) {
      const runs = route.url.endsWith('/images') ? perRoute * UPLOAD_WEIGHT : perRoute
      const result = await fc.check(
        fc.asyncProperty(requestsFor(route), async (request) => {
          const problem = await probe(route, request)
          if (problem) throw new Error(problem)
        }),
        { seed: SEED + index, numRuns: runs, endOnFailure: true },
      )
      if (result.failed) {
        const request = result.counterexample?.[0]
        failures.push(
          `${routeKey(route)} (seed ${SEED + index}, path ${result.counterexample ? result.counterexamplePath : '-'}): ${(result.errorInstance as Error | undefined)?.message}\n    ${request ? describeRequest(request) : ''}`,
        )
        errors.length = 0
      }
    }
    const total = [...tally.values()].reduce((sum, t) => sum + t.requests, 0)
    const classes: Record<string, number> = {}
    for (const t of tally.values()) for (const [c, n] of Object.entries(t.classes)) classes[c] = (classes[c] ?? 0) + n
    const perRouteLines = [...tally.entries()].map(
      ([key, t]) =>
        `  ${String(t.requests).padStart(4)}  ${Object.entries(t.classes)
          .sort()
          .map(([c, n]) => `${c}:${n}`)
          .join(' ')
          .padEnd(26)} ${key}`,
    )
    console.info(
      `hostile input: ${total} requests over ${tally.size} routes, FUZZ_SEED=${SEED} FUZZ_RUNS=${RUNS}; by class ${JSON.stringify(classes)}\n${perRouteLines.join('\n')}`,
    )
    expect(failures, `replay with FUZZ_SEED=${SEED} FUZZ_RUNS=${RUNS}`).toEqual([])
    expect(tally.size).toBe(routes.length)
    expect(total).toBeGreaterThanOrEqual(RUNS)
    expect(errors).toEqual([])
  }, 600_000)
})
