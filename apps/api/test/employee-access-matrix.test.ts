/**
 * The access matrix of the employee API: every /api/employee route, taken from the server's own
 * route table (a route added later is covered without touching this file), against every kind
 * of caller who must be refused — and nothing may change in any table. The victim has pressed
 * 「完了」 and HR sent a dependent back (差し戻し), so that the victim's own new session could
 * change that dependent: a refusal can only come from access control. A path parameter without
 * a fixture here fails the test, naming the route.
 */
import { randomUUID } from 'node:crypto'
import { SignJWT, decodeJwt } from 'jose'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createEmployee } from './factories.ts'
import { PUBLIC_EMPLOYEE, type Route, changedTables, fillPath, routeKey as key, routeCollector, tableSnapshot } from './route-table.ts'
import { type TestContext, createTestContext, imageUpload, login, signedInEmployee, signedInOperator } from './harness.ts'
import { cardPhoto } from './images.ts'
import { readyToSubmit } from './submitted.ts'

const { routes, onRoute } = routeCollector()
/** The two ways in (brute-force.test.ts and login.test.ts test them); everything else needs a session. */
const employeeRoutes = () => routes.filter((r) => r.url.startsWith('/api/employee/') && !PUBLIC_EMPLOYEE.has(key(r)))

/** What a receipt-only session (after 完了) may still reach — the exact list, so that opening one more route is a visible change. */
const AFTER_SUBMISSION = ['GET /api/employee/me', 'GET /api/employee/persons', 'POST /api/employee/session/logout', 'POST /api/employee/session/refresh']

let photo: Buffer
/** Valid bodies, so that a refusal can only come from access control, never from validation. */
const BODIES: Record<string, (victim: Victim) => { payload: string | Buffer | object; headers?: Record<string, string> }> = {
  'POST /api/employee/consent': (victim) => ({ payload: { purposes: victim.campaign.purposes } }),
  'POST /api/employee/persons': () => ({ payload: { name: '侵入 次郎', kana: 'シンニュウ ジロウ', relationship: '02', birthDate: '2020-05-05' } }),
  'PUT /api/employee/persons/:personId/applicability': () => ({ payload: { applicable: false } }),
  'POST /api/employee/persons/:personId/registration': () => ({ payload: { numberDocument: { type: 'my_number_card', hasBack: true }, identity: null } }),
  'POST /api/employee/persons/:personId/images': () => imageUpload({ role: 'number', slot: 0, side: 'front', type: 'my_number_card' }, photo),
  'POST /api/employee/persons/:personId/number-check': () => ({ payload: { myNumber: '123456789018' } }),
  'PUT /api/employee/persons/:personId/draft/back-absence': () => ({ payload: { role: 'number', slot: 0, absent: true } }),
}

type Victim = Awaited<ReturnType<typeof readyToSubmit>>
interface Caller {
  name: string
  headers: Record<string, string>
  /** Path ids: the victim's unless the caller brings its own (a session of another, stale login). */
  params: Record<string, string>
  expected: number[]
  code?: string
  applies: (route: Route) => boolean
}

let context: TestContext
let victim: Victim
let victimParams: Record<string, string>
let callers: Caller[]

const bearer = (accessToken: string) => ({ authorization: `Bearer ${accessToken}` })

/** A token signed with the app's own key from the claims of a real session, with `changes` applied. */
async function resigned(accessToken: string, changes: { aud?: string; iat?: number; exp?: number }) {
  const claims = decodeJwt(accessToken)
  return new SignJWT({ ver: claims.ver, sid: claims.sid })
    .setProtectedHeader({ alg: 'HS256', typ: 'bango-employee+jwt' })
    .setSubject(claims.sub!)
    .setIssuer(claims.iss!)
    .setAudience(changes.aud ?? (claims.aud as string))
    .setIssuedAt(changes.iat ?? claims.iat!)
    .setExpirationTime(changes.exp ?? claims.exp!)
    .setJti(randomUUID())
    .sign(context.secrets.jwtSecret)
}

/** An employee of the victim's own campaign, signed in and consented. */
async function colleague() {
  const { employee } = await createEmployee(context.db, victim.campaign.id, { name: '同僚 次郎', kana: 'ドウリョウ ジロウ' })
  const { token, password } = await context.app.services.credentials.issue(employee.id)
  const accessToken = await login(context.app, token, password)
  const consent = await context.app.inject({
    method: 'POST',
    url: '/api/employee/consent',
    headers: bearer(accessToken),
    payload: { purposes: victim.campaign.purposes },
  })
  expect(consent.statusCode, consent.body).toBe(201)
  return accessToken
}

beforeAll(async () => {
  context = await createTestContext({ onRoute })
  photo = await cardPhoto()
  victim = await readyToSubmit(context)
  const loggedOut = await login(context.app, victim.token, victim.password)
  expect((await context.app.inject({ method: 'POST', url: '/api/employee/session/logout', headers: bearer(loggedOut) })).statusCode).toBe(204)
  // 完了 on the first session (now receipt-only), then HR sends 花子 back: a new sign-in may redo her.
  expect((await victim.call('POST', '/submission')).statusCode).toBe(200)
  const hr = await signedInOperator(context, { role: 'operator', companyId: victim.company.id })
  const returned = victim.dependents[0]!
  const sendBack = await context.app.inject({
    method: 'POST',
    url: `/api/admin/campaigns/${victim.campaign.id}/employees/${victim.employee.id}/persons/${returned.id}/return`,
    headers: hr.headers,
    payload: { reason: 'other', note: '裏面が写っていません' },
  })
  expect(sendBack.statusCode, sendBack.body).toBe(200)
  // A draft image of the returned person, sent from a new sign-in: the thumbnail route's real target.
  const redo = bearer(await login(context.app, victim.token, victim.password))
  const draftUpload = imageUpload({ role: 'number', slot: 0, side: 'back', type: 'my_number_card' }, photo)
  const draft = await context.app.inject({
    method: 'POST',
    url: `/api/employee/persons/${returned.id}/images`,
    headers: { ...redo, ...draftUpload.headers },
    payload: draftUpload.payload,
  })
  expect(draft.statusCode, draft.body).toBe(201)
  victimParams = { personId: returned.id, imageId: draft.json<{ id: string }>().id }

  // Stale logins of their own, each on their own (otherwise open) person: only the session state can refuse them.
  const reissued = await signedInEmployee(context)
  await context.app.services.credentials.issue(reissued.employee.id)
  const locked = await signedInEmployee(context)
  for (let n = 0; n < 5; n++) await context.app.inject({ method: 'POST', url: '/api/employee/login', payload: { token: locked.token, password: `wrong-${n}` } })
  expect((await context.db.credential.findUniqueOrThrow({ where: { employeeId: locked.employee.id } })).lockedUntil).not.toBeNull()
  const stranger = await signedInEmployee(context)

  const now = Math.floor(Date.now() / 1000)
  const always = () => true
  const withParams = (route: Route) => route.url.includes(':')
  callers = [
    { name: 'no token', headers: {}, params: victimParams, expected: [401], applies: always },
    { name: 'malformed token', headers: bearer('not.a.jwt'), params: victimParams, expected: [401], applies: always },
    {
      name: 'expired token',
      headers: bearer(await resigned(victim.accessToken, { iat: now - 20 * 60, exp: now - 5 * 60 })),
      params: victimParams,
      expected: [401],
      applies: always,
    },
    {
      name: 'audience of the admin API',
      headers: bearer(await resigned(victim.accessToken, { aud: 'bango:admin' })),
      params: victimParams,
      expected: [401],
      applies: always,
    },
    { name: 'another employee of the same campaign', headers: bearer(await colleague()), params: victimParams, expected: [403, 404], applies: withParams },
    { name: 'an employee of another company', headers: stranger.auth, params: victimParams, expected: [403, 404], applies: withParams },
    { name: 'logged-out session', headers: bearer(loggedOut), params: victimParams, expected: [401], applies: always },
    { name: 're-issued credential', headers: reissued.auth, params: { ...victimParams, personId: reissued.employee.id }, expected: [401], applies: always },
    { name: 'locked credential', headers: locked.auth, params: { ...victimParams, personId: locked.employee.id }, expected: [401], applies: always },
    {
      name: 'receipt-only session after 完了',
      headers: bearer(victim.accessToken),
      params: victimParams,
      expected: [403],
      code: 'SESSION_RECEIPT_ONLY',
      applies: (route) => !AFTER_SUBMISSION.includes(key(route)),
    },
    { name: 'admin session cookie', headers: hr.headers, params: victimParams, expected: [401], applies: always },
  ]
}, 120_000)
afterAll(() => context.close())

/** The `error.code` of an answer, if it is one (a wrongly admitted request may answer 204 or HTML). */
function errorCode(body: string): string | undefined {
  try {
    return (JSON.parse(body) as { error?: { code?: string } }).error?.code
  } catch {
    return undefined
  }
}

function request(route: Route, headers: Record<string, string>, params: Record<string, string>) {
  const body = BODIES[key(route)]?.(victim)
  return context.app.inject({
    method: route.method as 'GET',
    url: fillPath(route, params),
    headers: { ...headers, ...body?.headers },
    ...(body ? { payload: body.payload } : {}),
  })
}

describe('employee access matrix', () => {
  it('collects the employee routes from the route table, each with its fixtures', () => {
    const keys = employeeRoutes().map(key)
    for (const expected of ['GET /api/employee/me', 'POST /api/employee/submission', 'POST /api/employee/persons/:personId/images'])
      expect(keys).toContain(expected)
    for (const route of employeeRoutes()) {
      fillPath(route, victimParams)
      for (const caller of callers) fillPath(route, caller.params)
    }
  })

  it('opens exactly the receipt and the session routes to a receipt-only session', () => {
    expect(
      employeeRoutes()
        .filter((route) => route.config.afterSubmission === true)
        .map(key)
        .sort(),
    ).toEqual(AFTER_SUBMISSION)
  })

  it('refuses every caller without the right, on every route, and changes nothing', async () => {
    const failures: string[] = []
    let requests = 0
    for (const route of employeeRoutes()) {
      const before = await tableSnapshot(context.db)
      for (const caller of callers.filter((c) => c.applies(route))) {
        const response = await request(route, caller.headers, caller.params)
        requests++
        const code = errorCode(response.body)
        if (!caller.expected.includes(response.statusCode) || (caller.code && code !== caller.code)) {
          failures.push(`${key(route)} as ${caller.name}: ${response.statusCode} ${response.body.slice(0, 120)}`)
        }
      }
      for (const table of changedTables(before, await tableSnapshot(context.db))) failures.push(`${key(route)}: table ${table} changed`)
    }
    console.info(`employee access matrix: ${employeeRoutes().length} routes × ${callers.length} kinds of caller = ${requests} refused requests`)
    expect(failures).toEqual([])
  })

  it('lets the victim’s own new session past the gate on every route (the control)', async () => {
    const failures: string[] = []
    const own = bearer(await login(context.app, victim.token, victim.password))
    // Logout last: it ends the session.
    const ordered = [...employeeRoutes()].sort((a, b) => Number(a.url.endsWith('/logout')) - Number(b.url.endsWith('/logout')))
    for (const route of ordered) {
      const response = await request(route, own, victimParams)
      if ([401, 403, 404].includes(response.statusCode) || response.statusCode >= 500)
        failures.push(`${key(route)}: ${response.statusCode} ${response.body.slice(0, 120)}`)
    }
    expect(failures).toEqual([])
  })
})
