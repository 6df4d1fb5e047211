/**
 * The console's one way to talk to /api/admin: the session travels in the HttpOnly cookie
 * (the browser sends it), the CSRF token the session answer carried goes in a header on
 * every unsafe request, and `{ error: { code } }` becomes an AdminApiError whose text is
 * chosen here from the code (admin/messages/errors.ts) — never the server's message.
 * react-query calls these functions; screens never catch errors themselves.
 */
import { CSRF_HEADER } from '@bango/shared/admin-api'
import type { ErrorCode } from '@bango/shared/errors'
import type { z } from 'zod'
import { adminErrorText } from '../messages/errors.ts'

export type AdminErrorCode = ErrorCode | 'NETWORK' | 'UNEXPECTED'

export class AdminApiError extends Error {
  readonly status: number
  readonly code: AdminErrorCode
  /** Field problems of a VALIDATION / IMPORT_INVALID answer, as the server sent them. */
  readonly details: unknown
  constructor(status: number, code: AdminErrorCode, details?: unknown) {
    super(adminErrorText(code))
    this.name = 'AdminApiError'
    this.status = status
    this.code = code
    this.details = details
  }
}

let csrfToken: string | null = null
/** Set from every session answer (sign-in steps and GET /session). */
export function setCsrfToken(token: string | null) {
  csrfToken = token
}
/** For the XHR upload helper (upload.ts), which cannot go through `fetch`. */
export const getCsrfToken = () => csrfToken

/** Called on a 401: the session ended (idle, logout elsewhere, disabled account). */
let onUnauthenticated: () => void = () => {}
export function setUnauthenticatedHandler(handler: () => void) {
  onUnauthenticated = handler
}

/** Called on SESSION_STEP_REQUIRED: the session went back a step (2FA became required), so ask for it again. */
let onStepRequired: () => void = () => {}
export function setStepRequiredHandler(handler: () => void) {
  onStepRequired = handler
}

export interface AdminRequest<T> {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'
  /** JSON-encoded, unless a Blob/ArrayBuffer (sent as-is with `contentType`). */
  body?: unknown
  contentType?: string
  /** Omit for 204 answers. */
  schema?: z.ZodType<T>
}

export const adminPath = (path: string) => `/api/admin${path}`

export async function adminRequest<T = void>(path: string, request: AdminRequest<T> = {}): Promise<T> {
  const method = request.method ?? 'GET'
  const headers: Record<string, string> = { Accept: 'application/json' }
  if (method !== 'GET' && csrfToken) headers[CSRF_HEADER] = csrfToken
  let body: BodyInit | undefined
  if (request.body instanceof Blob || request.body instanceof ArrayBuffer) {
    body = request.body
    headers['Content-Type'] = request.contentType ?? 'application/octet-stream'
  } else if (request.body !== undefined) {
    body = JSON.stringify(request.body)
    headers['Content-Type'] = 'application/json'
  }
  let response: Response
  try {
    response = await fetch(adminPath(path), { method, headers, body, credentials: 'same-origin', cache: 'no-store' })
  } catch {
    throw new AdminApiError(0, 'NETWORK')
  }
  const payload: unknown = response.status === 204 ? undefined : await response.json().catch(() => undefined)
  if (!response.ok) {
    const error = toError(response.status, payload)
    // Only a lost session ends the console; a wrong password or code (also 401) does not.
    if (error.code === 'UNAUTHENTICATED') onUnauthenticated()
    if (error.code === 'SESSION_STEP_REQUIRED') onStepRequired()
    throw error
  }
  if (!request.schema) return undefined as T
  const parsed = request.schema.safeParse(payload)
  if (!parsed.success) throw new AdminApiError(response.status, 'UNEXPECTED')
  return parsed.data
}

export function toError(status: number, payload: unknown): AdminApiError {
  if (typeof payload === 'object' && payload !== null && 'error' in payload) {
    const { error } = payload as { error: { code?: unknown; details?: unknown } }
    if (typeof error?.code === 'string') return new AdminApiError(status, error.code as ErrorCode, error.details)
  }
  return new AdminApiError(status, status >= 500 ? 'INTERNAL' : 'UNEXPECTED')
}
