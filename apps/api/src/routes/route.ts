/**
 * One contract per route: `route()` registers a handler together with what it takes — its path
 * ids, the zod schemas of its query and body — and what it answers, and that one object both
 * validates the request and is what the OpenAPI document shows (it rides on the route's
 * `config`, openapi/plugin.ts reads it there). Fastify is given no `schema`: validation is
 * parse()'s (lib/parse.ts), so the VALIDATION answer and its field codes stay as they are, and
 * answers are serialised as before.
 *
 * Every `:name` in a URL is a uuid, parsed before the handler runs. `query()` and `body()` parse
 * with the declared schema when the handler calls them, so the handler says what comes first —
 * an access check whose refusal must not be preceded by a validation answer, or the multipart
 * file whose text fields `body(fields)` parses. The declared `status` is the one the route
 * answers on success (the readiness check, 200 or 503, sets its own).
 * @see docs/decisions/054-one-contract-per-route.md, 055-routes-answer-their-declared-status.md
 */
import type { FastifyContextConfig, FastifyInstance, FastifyReply, FastifyRequest, RouteShorthandOptions } from 'fastify'
import { z } from 'zod'
import { parse } from '../lib/parse.ts'

export interface Contract {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'
  /** Relative to the plugin's prefix; every `:name` is a uuid. */
  url: string
  summary: string
  query?: z.ZodType
  /** The JSON body, or with `multipart` the text fields of a multipart/form-data body. */
  body?: z.ZodType
  multipart?: true
  /** The success answer as the document shows it (answers are not serialised with it). */
  response?: z.ZodType
  /** The success status, 200 unless given: set on the reply before the handler runs, and named by the document. */
  status?: number
  config?: FastifyContextConfig
  bodyLimit?: RouteShorthandOptions['bodyLimit']
  preHandler?: RouteShorthandOptions['preHandler']
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** What the route takes and answers, as registered by route(). */
    contract?: Contract
  }
}

/** The names of a URL's `:name` segments, as a type. */
export type PathParamNames<Url extends string> = Url extends `${string}:${infer Name}/${infer Rest}`
  ? Name | PathParamNames<`/${Rest}`>
  : Url extends `${string}:${infer Name}`
    ? Name
    : never

export const pathParamNames = (url: string) => [...url.matchAll(/:(\w+)/g)].map((match) => match[1]!)

/** The path ids of a URL: uuids, refused as VALIDATION before they reach a query (PostgreSQL would answer a 500). */
export const pathParamsSchema = (url: string) => z.object(Object.fromEntries(pathParamNames(url).map((name) => [name, z.uuid()])))

export type RouteInput<Url extends string, C extends Contract> = { params: Record<PathParamNames<Url>, string> } & (C['query'] extends z.ZodType
  ? { query: () => z.output<C['query']> }
  : unknown) &
  (C['body'] extends z.ZodType ? { body: (fields?: unknown) => z.output<C['body']> } : unknown)

/**
 * Registers `handler` at `contract.method` `contract.url`. `body(fields)` parses `fields` instead
 * of the request's body: the multipart fields, or a stand-in for a missing body.
 */
export function route<const C extends Contract>(
  app: FastifyInstance,
  contract: C,
  handler: (input: RouteInput<C['url'], C>, request: FastifyRequest, reply: FastifyReply) => Promise<unknown>,
) {
  const { method, url, config, bodyLimit, preHandler, query, body } = contract
  const params = pathParamsSchema(url)
  app.route({
    method,
    url,
    config: { ...config, contract },
    ...(bodyLimit === undefined ? {} : { bodyLimit }),
    ...(preHandler === undefined ? {} : { preHandler }),
    handler: async (request, reply) => {
      if (contract.status !== undefined) reply.code(contract.status)
      const input = {
        params: parse(params, request.params),
        query: () => parse(query!, request.query),
        body: (fields: unknown = request.body) => parse(body!, fields),
      }
      return handler(input as unknown as RouteInput<C['url'], C>, request, reply)
    },
  })
}
