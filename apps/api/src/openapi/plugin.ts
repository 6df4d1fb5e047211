/**
 * The OpenAPI document of the API (@fastify/swagger), described from the contract each route was
 * registered with (routes/route.ts): the zod schemas its handler parses with, converted by zod 4's
 * `z.toJSONSchema`. They are attached in swagger's `transform`, i.e. to the document only: the
 * routes themselves carry no Fastify `schema`, so Fastify neither validates nor serialises with
 * them and every answer (errors included) stays what `parse()` makes it.
 * @see docs/decisions/020-openapi-from-zod.md, amended by 054-one-contract-per-route.md
 */
import swagger from '@fastify/swagger'
import type { FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'
import { z } from 'zod'
import { type Contract, pathParamNames } from '../routes/route.ts'

export const jsonSchema = (schema: z.ZodType, io: 'input' | 'output') => {
  const { $schema: _, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as Record<string, unknown>
  return rest
}

const errorBody = {
  type: 'object',
  required: ['error'],
  properties: {
    error: {
      type: 'object',
      required: ['code', 'message'],
      properties: { code: { type: 'string' }, message: { type: 'string' }, details: {}, requestId: { type: 'string' } },
    },
  },
}

/** The route's documentation as a Fastify-style schema (swagger turns it into OpenAPI); every path id is a uuid. */
function documentedSchema(url: string, operation: Contract | undefined, tag: string) {
  const params = pathParamNames(url)
  const schema: Record<string, unknown> = {
    tags: [tag],
    response: { '4XX': { description: 'Refused: the error body (code, message, requestId)', ...errorBody } },
  }
  if (operation?.summary) schema.summary = operation.summary
  if (params.length > 0) {
    schema.params = { type: 'object', required: params, properties: Object.fromEntries(params.map((name) => [name, { type: 'string', format: 'uuid' }])) }
  }
  if (operation?.query) schema.querystring = jsonSchema(operation.query, 'input')
  if (operation?.body) {
    schema.body = jsonSchema(operation.body, 'input')
    if (operation.multipart) schema.consumes = ['multipart/form-data']
  }
  const status = operation?.status ?? 200
  ;(schema.response as Record<string, unknown>)[String(status)] =
    status === 204
      ? { description: 'No content', type: 'null' }
      : { description: 'OK', ...(operation?.response ? jsonSchema(operation.response, 'output') : {}) }
  return schema
}

export default fp(async function openapi(app: FastifyInstance) {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Bango API',
        version: '1',
        description: 'Collects My Number documents. Employees: bearer JWT (/api/employee). HR console: session cookie + CSRF header (/api/admin).',
      },
    },
    hideUntagged: false,
    transform: ({ schema, url, route }) => {
      // The SPA's own routes (/, /t/:token, assets…) are not the API.
      if (!url.startsWith('/api/')) return { schema: { ...schema, hide: true }, url }
      const tag = url.startsWith('/api/employee') ? 'employee' : url.startsWith('/api/admin') ? 'admin' : 'operations'
      return { schema: documentedSchema(url, route.config?.contract, tag) as typeof schema, url: url.replace(/:(\w+)/g, '{$1}') }
    },
  })
})
