/**
 * The routes not registered through route() (routes/route.ts) yet: what the OpenAPI document
 * says about each beyond its method and path — the zod schemas
 * the handler validates with (`parse(schema, …)`, the same objects), and the answer where the
 * shared package defines it. Documentation only: Fastify never sees these (openapi/plugin.ts
 * attaches them in @fastify/swagger's transform). openapi.test.ts fails on an entry whose route
 * no longer exists; routes without an entry still appear (method, path, path parameters).
 */
import type { z } from 'zod'

export interface Operation {
  summary?: string
  /** JSON body (or, for the image upload, the multipart fields). */
  body?: z.ZodType
  multipart?: true
  query?: z.ZodType
  /** The success answer; `status` 200 unless given. */
  response?: z.ZodType
  status?: number
}

export const OPERATIONS: Record<string, Operation> = {
  'GET /api/health': { summary: 'The process and its database answer' },
  'GET /api/health/live': { summary: 'The process answers (liveness)' },
  'GET /api/health/ready': { summary: 'Database, blob store and configured dependencies answer (readiness); 503 otherwise' },
  'GET /api/docs': { summary: 'This document (administrators)' },
}
