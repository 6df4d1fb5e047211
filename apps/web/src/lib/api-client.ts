/**
 * The one way the SPA talks to the API: attaches the JWT, refreshes it while the user is
 * active, turns `{ error: { code } }` into an ApiError whose message is the employee's text
 * for that code (messages/<language>.ts `errors`, in the language shown; the server's own message is for developers),
 * keeps a VALIDATION answer's refused fields by their codes (messages `fieldErrors` words them), and
 * retries GETs that failed on the network. Uploads go through `apiUpload`
 * (XMLHttpRequest: `fetch` cannot report upload progress).
 */
import type { ErrorCode } from '@bango/shared/errors'
import { type FieldErrorCode, isFieldErrorCode } from '@bango/shared/field-errors'
import { sessionResponseSchema } from '@bango/shared/employee-api'
import { LANGUAGE_HEADER } from '@bango/shared/languages'
import type { z } from 'zod'
import { ja } from '../messages/ja.ts'
import { ApiError, type FieldCodes } from './api-error.ts'
import { currentLanguage } from './i18n.ts'
import { useSessionStore } from './session.ts'
import { translate } from './use-t.ts'
import { xhrPost } from './xhr-post.ts'

export { ApiError, type ApiErrorCode, type FieldCodes } from './api-error.ts'

export interface ApiRequest<T> {
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE'
  /** JSON-encoded unless it is FormData (multipart uploads). */
  body?: unknown
  schema: z.ZodType<T>
  /** false for login only. */
  auth?: boolean
}

/** Waits between GET attempts; exported so tests can shorten them. */
export const retryPolicy = { delaysMs: [600, 2000] }

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

export async function apiRequest<T>(path: string, request: ApiRequest<T>): Promise<T> {
  const method = request.method ?? 'GET'
  const auth = request.auth ?? true
  if (auth) await refreshSessionIfDue()
  const attempts = method === 'GET' ? retryPolicy.delaysMs.length + 1 : 1
  for (let attempt = 1; ; attempt++) {
    try {
      return await send(path, method, request, auth)
    } catch (error) {
      const retriable = error instanceof ApiError && (error.code === 'NETWORK' || error.status >= 502)
      if (!retriable || attempt >= attempts) throw error
      await sleep(retryPolicy.delaysMs[attempt - 1] ?? 0)
    }
  }
}

/** On every request: the language shown, which the API stores as the employee's for later e-mails (ADR 050). */
const languageHeader = () => ({ [LANGUAGE_HEADER]: currentLanguage() })

async function send<T>(path: string, method: string, request: ApiRequest<T>, auth: boolean): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json', ...languageHeader() }
  const token = useSessionStore.getState().accessToken
  if (auth && token) headers.Authorization = `Bearer ${token}`
  let body: BodyInit | undefined
  if (request.body instanceof FormData) body = request.body
  else if (request.body !== undefined) {
    headers['Content-Type'] = 'application/json'
    body = JSON.stringify(request.body)
  }
  let response: Response
  try {
    response = await fetch(path, { method, headers, body, cache: 'no-store' })
  } catch {
    throw new ApiError(0, 'NETWORK', translate('common.networkError'))
  }
  const payload: unknown = await response.json().catch(() => undefined)
  return interpret(response.status, payload, request.schema, auth)
}

/** One reading of every answer, whichever transport brought it. */
function interpret<T>(status: number, payload: unknown, schema: z.ZodType<T>, auth: boolean): T {
  if (status < 200 || status > 299) {
    if (status === 401 && auth) useSessionStore.getState().expire()
    throw toApiError(status, payload)
  }
  const parsed = schema.safeParse(payload)
  if (!parsed.success) throw new ApiError(status, 'UNEXPECTED', translate('common.unexpectedError'))
  return parsed.data
}

export interface UploadRequest<T> {
  body: FormData
  schema: z.ZodType<T>
  /** Fraction of the request body sent so far (0–1), when the browser knows the total. */
  onProgress?: (fraction: number) => void
}

/**
 * A multipart POST that reports how much has been sent, with the same JWT, refresh and
 * ApiError semantics as `apiRequest`. Like every POST it is not retried here: the caller
 * decides (the capture step retries uploads, which replace the same draft).
 */
export async function apiUpload<T>(path: string, request: UploadRequest<T>): Promise<T> {
  await refreshSessionIfDue()
  const token = useSessionStore.getState().accessToken
  const headers: Record<string, string> = { Accept: 'application/json', ...languageHeader(), ...(token ? { Authorization: `Bearer ${token}` } : {}) }
  const { status, payload } = await xhrPost(path, request.body, { headers, onProgress: request.onProgress }).catch(() => {
    throw new ApiError(0, 'NETWORK', translate('common.networkError'))
  })
  return interpret(status, payload, request.schema, true)
}

/**
 * A GET that answers bytes (a draft image's thumbnail), with the same JWT, refresh, 401 and
 * ApiError semantics as `apiRequest`; never cached (the API says no-store too).
 */
export async function apiBlob(path: string): Promise<Blob> {
  await refreshSessionIfDue()
  const token = useSessionStore.getState().accessToken
  let response: Response
  try {
    response = await fetch(path, { headers: { ...languageHeader(), ...(token ? { Authorization: `Bearer ${token}` } : {}) }, cache: 'no-store' })
  } catch {
    throw new ApiError(0, 'NETWORK', translate('common.networkError'))
  }
  if (!response.ok) {
    const payload: unknown = await response.json().catch(() => undefined)
    if (response.status === 401) useSessionStore.getState().expire()
    throw toApiError(response.status, payload)
  }
  return response.blob()
}

function toApiError(status: number, payload: unknown): ApiError {
  if (typeof payload === 'object' && payload !== null && 'error' in payload) {
    const { error } = payload as { error: { code?: unknown; details?: unknown } }
    const code = error?.code
    if (typeof code === 'string' && Object.hasOwn(ja.errors, code)) {
      return new ApiError(status, code as ErrorCode, translate(`errors.${code as ErrorCode}`), code === 'VALIDATION' ? fieldCodes(error.details) : {})
    }
  }
  return new ApiError(status, status >= 500 ? 'INTERNAL' : 'UNEXPECTED', translate('common.unexpectedError'))
}

/** A VALIDATION answer's `[{ path, code }]`; a field without a known code is `invalid`. */
function fieldCodes(details: unknown): FieldCodes {
  if (!Array.isArray(details)) return {}
  const fields: Record<string, FieldErrorCode> = {}
  for (const detail of details as unknown[]) {
    if (typeof detail !== 'object' || detail === null) continue
    const { path, code } = detail as { path?: unknown; code?: unknown }
    if (typeof path === 'string' && path !== '') fields[path] ??= isFieldErrorCode(code) ? code : 'invalid'
  }
  return fields
}

let refreshing: Promise<void> | null = null

/** Renews the JWT once more than half of its life has passed; one request at a time. */
export function refreshSessionIfDue(now = Date.now()): Promise<void> {
  const { accessToken, refreshAfter } = useSessionStore.getState()
  if (!accessToken || refreshAfter === null || now < refreshAfter) return Promise.resolve()
  refreshing ??= send('/api/employee/session/refresh', 'POST', { schema: sessionResponseSchema }, true)
    .then((session) => useSessionStore.getState().signIn(session))
    // A failed refresh is not fatal: the old token may still be valid; a 401 already expired the session.
    .catch(() => undefined)
    .finally(() => {
      refreshing = null
    })
  return refreshing
}
