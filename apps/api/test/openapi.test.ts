/**
 * The OpenAPI document cannot drift from the routes (ADR 020) — it is generated from them
 * and must equal the committed docs/openapi.json (`pnpm openapi` rewrites it), every route is in
 * it, every documented operation is a route — it is served to administrators only, and
 * documenting a route changed nothing Fastify does with its requests.
 */
import fs from 'node:fs/promises'
import path from 'node:path'
import type { RouteOptions } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openapiDocument, serializeDocument } from '../src/openapi/document.ts'
import { OPERATIONS } from '../src/openapi/operations.ts'
import { type TestContext, createTestContext, signedInOperator } from './harness.ts'
import { routeCollector, routeKey } from './route-table.ts'

type Document = { openapi: string; paths: Record<string, Record<string, unknown>> }

const { routes, onRoute } = routeCollector()
const schemas: unknown[] = []
let context: TestContext
beforeAll(async () => {
  context = await createTestContext({
    onRoute: (route: RouteOptions) => {
      onRoute(route)
      if (route.schema) schemas.push(route.schema)
    },
  })
})
afterAll(async () => {
  await context.close()
})

const openapiPath = (url: string) => url.replace(/:(\w+)/g, '{$1}')

describe('the document', () => {
  it('equals the committed docs/openapi.json (run `pnpm openapi` after changing a route or a schema)', async () => {
    const committed = await fs.readFile(path.resolve(import.meta.dirname, '../../../docs/openapi.json'), 'utf8')
    expect(serializeDocument(await openapiDocument()) === committed, 'docs/openapi.json is stale: run `pnpm openapi` and commit it').toBe(true)
  })

  it('has every API route, and documents no route that does not exist', async () => {
    const document = (await openapiDocument()) as Document
    const apiRoutes = routes.filter((route) => route.url.startsWith('/api/'))
    expect(apiRoutes.length).toBeGreaterThan(50)
    const missing = apiRoutes.filter((route) => !document.paths[openapiPath(route.url)]?.[route.method.toLowerCase()]).map(routeKey)
    expect(missing).toEqual([])
    const keys = new Set(apiRoutes.map(routeKey))
    expect(Object.keys(OPERATIONS).filter((key) => !keys.has(key))).toEqual([])
  })

  it('describes bodies with the zod schemas the handlers parse', async () => {
    const document = (await openapiDocument()) as Document
    const login = document.paths['/api/employee/login']!.post as { requestBody: { content: Record<string, { schema: { required: string[] } }> } }
    expect(login.requestBody.content['application/json']!.schema.required).toEqual(['token', 'password'])
  })
})

describe('documentation only', () => {
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
