/**
 * One contract per route (ADR 054, amending 020): every API route is registered through route()
 * (routes/route.ts), and the schemas it declares there are both what the OpenAPI document shows
 * and what the handler refuses by — a request that breaks a declared body, query or path id is
 * answered VALIDATION with exactly the details that schema gives. The document is generated
 * from the routes and must equal the committed docs/openapi.json (`pnpm openapi` rewrites it);
 * it is served to administrators only, and Fastify itself is given no schema.
 */
import fs from 'node:fs/promises'
import path from 'node:path'
import { randomUUID } from 'node:crypto'
import type { RouteOptions } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { AppError } from '../src/errors.ts'
import { parse } from '../src/lib/parse.ts'
import { openapiDocument, serializeDocument } from '../src/openapi/document.ts'
import { jsonSchema } from '../src/openapi/plugin.ts'
import { type Contract, pathParamNames, pathParamsSchema } from '../src/routes/route.ts'
import { type TestContext, adminHeaders, createTestContext, imageUpload, signedInEmployee, signedInOperator } from './harness.ts'
import { cardPhoto } from './images.ts'
import { IGNORES_BODY, PUBLIC_EMPLOYEE, type Route, fillPath, routeCollector, routeKey, victimCompany } from './route-table.ts'

type Operation = {
  parameters?: { in: string; name: string }[]
  requestBody?: { content: Record<string, { schema: unknown }> }
  responses: Record<string, { content?: Record<string, { schema: unknown }> }>
}
type Document = { openapi: string; paths: Record<string, Record<string, Operation>> }

const { routes, onRoute } = routeCollector()
const schemas: unknown[] = []
let context: TestContext
let document: Document
/** Who may call each part of the API, and real path ids for them: a refusal can then only come from validation. */
let callers: { employee: Record<string, string>; admin: Record<string, string>; secondFactor: Record<string, string> }
let params: { employee: Record<string, string>; admin: Record<string, string> }

beforeAll(async () => {
  context = await createTestContext({
    onRoute: (route: RouteOptions) => {
      onRoute(route)
      if (route.schema) schemas.push(route.schema)
    },
  })
  document = (await openapiDocument()) as Document
  const employee = await signedInEmployee(context)
  const company = await victimCompany(context)
  const secondFactor = await context.app.services.adminSessions.open(company.admin.operator.id, 'TOTP_REQUIRED')
  callers = {
    employee: employee.auth,
    admin: company.admin.headers,
    secondFactor: adminHeaders({ token: secondFactor.token, csrfToken: secondFactor.session.csrfToken }),
  }
  params = { employee: { personId: employee.dependents[0]!.id, imageId: randomUUID() }, admin: company.params }
}, 60_000)
afterAll(async () => {
  await context.close()
})

const openapiPath = (url: string) => url.replace(/:(\w+)/g, '{$1}')
const contractOf = (route: Route) => route.config.contract as Contract | undefined
const apiRoutes = () => routes.filter((route) => route.url.startsWith('/api/'))
/** The routes registered through route(), each with its contract. */
const contracted = () => apiRoutes().flatMap((route) => (contractOf(route) ? [{ route, contract: contractOf(route)! }] : []))

/** A schema as @fastify/swagger writes it into the document: a `const` becomes a one-value `enum`. */
function asDocumented(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(asDocumented)
  if (!schema || typeof schema !== 'object') return schema
  return Object.fromEntries(Object.entries(schema).map(([key, value]) => (key === 'const' ? ['enum', [value]] : [key, asDocumented(value)])))
}

/** The headers of a caller the route admits. */
function callerOf(route: Route): Record<string, string> {
  const key = routeKey(route)
  if (PUBLIC_EMPLOYEE.has(key) || key === 'POST /api/admin/session' || route.url.startsWith('/api/health')) return {}
  if (route.url.startsWith('/api/employee/')) return callers.employee
  if (route.url === '/api/admin/session/totp' || route.url === '/api/admin/session/recovery-code') return callers.secondFactor
  return callers.admin
}
const paramsOf = (route: Route) => (route.url.startsWith('/api/employee/') ? params.employee : params.admin)

/** The details parse() gives for `input` against `schema`, or null when the schema takes it. */
function refusal(schema: z.ZodType, input: unknown): unknown {
  try {
    parse(schema, input)
    return null
  } catch (error) {
    if (error instanceof AppError) return error.details
    throw error
  }
}

/** The first candidate `schema` refuses, with the details it refuses it with: no per-route fixture to keep. */
function violation(schema: z.ZodType, candidates: unknown[]) {
  for (const input of candidates) {
    const details = refusal(schema, input)
    if (details !== null) return { input, details }
  }
  return null
}

const bodyCandidates = [{}, [1], 'not an object']
function queryCandidates(schema: z.ZodType): Record<string, string>[] {
  const names = Object.keys((jsonSchema(schema, 'input').properties ?? {}) as object)
  return [{}, ...names.flatMap((name) => [{ [name]: 'not valid' }, { [name]: 'x'.repeat(1001) }])]
}

async function send(route: Route, options: { params?: Record<string, string>; query?: Record<string, string>; body?: unknown } = {}) {
  const url = fillPath(route, options.params ?? paramsOf(route))
  const query = options.query ? `?${new URLSearchParams(options.query)}` : ''
  const json = options.body === undefined ? {} : { payload: JSON.stringify(options.body), headers: { 'content-type': 'application/json' } }
  return context.app.inject({ method: route.method as 'POST', url: `${url}${query}`, ...json, headers: { ...callerOf(route), ...json.headers } })
}

/** `failures` gets a line when the answer is not VALIDATION with exactly `details`. */
function expectRefusal(failures: string[], route: Route, what: string, response: { statusCode: number; body: string }, details: unknown) {
  const error = (JSON.parse(response.body) as { error?: { code?: string; details?: unknown } }).error
  if (response.statusCode !== 400 || error?.code !== 'VALIDATION')
    failures.push(`${routeKey(route)} ${what}: ${response.statusCode} ${response.body.slice(0, 160)}`)
  else if (JSON.stringify(error.details) !== JSON.stringify(details))
    failures.push(`${routeKey(route)} ${what}: refused with ${JSON.stringify(error.details)}, the declared schema gives ${JSON.stringify(details)}`)
}

describe('the document', () => {
  it('equals the committed docs/openapi.json (run `pnpm openapi` after changing a route or a schema)', async () => {
    const committed = await fs.readFile(path.resolve(import.meta.dirname, '../../../docs/openapi.json'), 'utf8')
    expect(serializeDocument(await openapiDocument()) === committed, 'docs/openapi.json is stale: run `pnpm openapi` and commit it').toBe(true)
  })

  it('has every API route', () => {
    expect(apiRoutes().length).toBeGreaterThan(50)
    const missing = apiRoutes()
      .filter((route) => !document.paths[openapiPath(route.url)]?.[route.method.toLowerCase()])
      .map(routeKey)
    expect(missing).toEqual([])
  })
})

describe('one contract per route', () => {
  it('registers every API route through route(), with its contract: nothing else documents a route', () => {
    expect(apiRoutes().length).toBeGreaterThan(50)
    expect(
      apiRoutes()
        .filter((route) => !contractOf(route))
        .map(routeKey),
    ).toEqual([])
  })

  it('names in IGNORES_BODY (route-table.ts) exactly the console’s unsafe routes that declare no body', () => {
    const bodiless = contracted()
      .filter(({ route, contract }) => route.url.startsWith('/api/admin/') && ['POST', 'PUT', 'PATCH'].includes(route.method) && !contract.body)
      .map(({ route }) => routeKey(route))
      // The import's body is the CSV file itself, read as bytes: a body, but no JSON schema to declare.
      .filter((key) => key !== 'POST /api/admin/campaigns/:campaignId/import')
    expect(bodiless.sort()).toEqual([...IGNORES_BODY].sort())
  })

  it('documents each route with the schemas and summary of its registration', () => {
    const failures: string[] = []
    for (const { route, contract } of contracted()) {
      const operation = document.paths[openapiPath(route.url)]![route.method.toLowerCase()]!
      const documented = (what: string, actual: unknown, expected: unknown) => {
        if (JSON.stringify(actual) !== JSON.stringify(expected)) failures.push(`${routeKey(route)}: its ${what} is not the registered one`)
      }
      documented('summary', (operation as { summary?: string }).summary, contract.summary)
      const bodyType = contract.multipart ? 'multipart/form-data' : 'application/json'
      documented('body', operation.requestBody?.content[bodyType]?.schema, contract.body && asDocumented(jsonSchema(contract.body, 'input')))
      const queryNames = (operation.parameters ?? []).filter((parameter) => parameter.in === 'query').map((parameter) => parameter.name)
      documented('query', queryNames, contract.query ? Object.keys(jsonSchema(contract.query, 'input').properties as object) : [])
      const pathNames = (operation.parameters ?? []).filter((parameter) => parameter.in === 'path').map((parameter) => parameter.name)
      documented('path ids', pathNames, pathParamNames(route.url))
      const answer = operation.responses[String(contract.status ?? 200)]?.content?.['application/json']?.schema
      const expected = contract.status === 204 ? undefined : { description: 'OK', ...(contract.response ? jsonSchema(contract.response, 'output') : {}) }
      documented('answer', answer, asDocumented(expected))
    }
    expect(contracted().filter(({ contract }) => contract.body).length).toBeGreaterThan(8)
    expect(failures).toEqual([])
  })

  it('refuses a body that breaks the declared schema, with exactly that schema’s details', async () => {
    const failures: string[] = []
    const withBody = contracted().filter(({ contract }) => contract.body && !contract.multipart)
    for (const { route, contract } of withBody) {
      const broken = violation(contract.body!, bodyCandidates)
      if (!broken) {
        failures.push(`${routeKey(route)}: its body schema takes every candidate — add one it refuses to bodyCandidates`)
        continue
      }
      expectRefusal(failures, route, `with the body ${JSON.stringify(broken.input)}`, await send(route, { body: broken.input }), broken.details)
    }
    expect(withBody.length).toBeGreaterThan(8)
    expect(failures).toEqual([])
  })

  it('refuses multipart fields that break the declared schema, with exactly that schema’s details', async () => {
    const multipart = contracted().filter(({ contract }) => contract.multipart)
    expect(multipart.map(({ route }) => routeKey(route))).toEqual(['POST /api/employee/persons/:personId/images'])
    const failures: string[] = []
    for (const { route, contract } of multipart) {
      const fields = { role: 'number', slot: 2, side: 'front', type: 'my_number_card' }
      const upload = imageUpload(fields, await cardPhoto())
      const response = await context.app.inject({
        method: 'POST',
        url: fillPath(route, { personId: params.employee.personId! }),
        headers: { ...callerOf(route), ...upload.headers },
        payload: upload.payload,
      })
      expectRefusal(
        failures,
        route,
        'with slot 2',
        response,
        refusal(contract.body!, Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, String(v)]))),
      )
    }
    expect(failures).toEqual([])
  })

  it('refuses a query that breaks the declared schema, with exactly that schema’s details', async () => {
    const failures: string[] = []
    const withQuery = contracted().filter(({ contract }) => contract.query)
    for (const { route, contract } of withQuery) {
      const broken = violation(contract.query!, queryCandidates(contract.query!))
      if (!broken) {
        failures.push(`${routeKey(route)}: its query schema takes every candidate — add one it refuses to queryCandidates`)
        continue
      }
      const query = broken.input as Record<string, string>
      expectRefusal(failures, route, `with the query ${JSON.stringify(query)}`, await send(route, { query }), broken.details)
    }
    expect(failures).toEqual([])
  })

  it('refuses a path id that is no uuid, with exactly the details of the URL’s ids', async () => {
    const failures: string[] = []
    const withIds = contracted().filter(({ route }) => route.url.includes(':'))
    for (const { route } of withIds) {
      const [first] = pathParamNames(route.url)
      const ids = { ...paramsOf(route), [first!]: 'not-a-uuid' }
      const given = Object.fromEntries(pathParamNames(route.url).map((name) => [name, ids[name]]))
      expectRefusal(failures, route, `with :${first} not a uuid`, await send(route, { params: ids }), refusal(pathParamsSchema(route.url), given))
    }
    expect(withIds.length).toBeGreaterThan(8)
    expect(failures).toEqual([])
  })
})

describe('validation stays parse()’s', () => {
  it('gives Fastify no route schema to validate or serialise with', () => {
    expect(routes.length).toBeGreaterThan(50)
    expect(schemas).toEqual([])
  })

  it('leaves error answers as parse() makes them', async () => {
    const response = await context.app.inject({ method: 'POST', url: '/api/employee/login', payload: { token: 123 } })
    expect(response.statusCode).toBe(400)
    const { error } = response.json()
    expect(error.code).toBe('VALIDATION')
    expect(error.details.map((detail: { path: string }) => detail.path).sort()).toEqual(['password', 'token'])
    expect(error.requestId).toBe(response.headers['x-request-id'])
  })
})

describe('GET /api/docs', () => {
  it('serves the document to administrators only', async () => {
    const signedOut = await context.app.inject({ method: 'GET', url: '/api/docs' })
    expect(signedOut.statusCode).toBe(401)
    const operator = await signedInOperator(context, { role: 'operator' })
    expect((await context.app.inject({ method: 'GET', url: '/api/docs', headers: operator.headers })).statusCode).toBe(403)
    for (const caller of [
      await signedInOperator(context, { role: 'administrator' }),
      await signedInOperator(context, { role: 'operator', isSystemAdmin: true }),
    ]) {
      const response = await context.app.inject({ method: 'GET', url: '/api/docs', headers: caller.headers })
      expect(response.statusCode).toBe(200)
      expect(response.headers['cache-control']).toContain('no-store')
      expect((response.json() as Document).openapi).toBe('3.1.0')
    }
  })
})
