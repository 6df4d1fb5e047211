/** `fetch` mocked at the boundary: routes answer like the real API (JSON bodies, `{ error }` on failure). */
import { vi } from 'vitest'

export interface MockRequest {
  method: string
  url: string
  init: RequestInit
  json: () => unknown
}
type Handler = (request: MockRequest) => Response | Promise<Response>

export const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } })

/** The real API's `message` is an English developer note; the SPA must not show it. */
export const apiError = (status: number, code: string, message = `developer note for ${code}`) => json(status, { error: { code, message } })

/** Routes are "METHOD /path"; anything else answers 404 so a stray call shows up as a failure. */
export function mockFetch(routes: Record<string, Handler>) {
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const method = init.method ?? 'GET'
    const url = String(input)
    const handler = routes[`${method} ${url}`]
    if (!handler) return apiError(404, 'NOT_FOUND', `unexpected ${method} ${url}`)
    return handler({ method, url, init, json: () => JSON.parse(String(init.body)) })
  })
  vi.stubGlobal('fetch', fetchMock)
  return fetchMock
}

export const calls = (fetchMock: ReturnType<typeof mockFetch>, key: string) =>
  fetchMock.mock.calls.filter(([url, init]) => `${init?.method ?? 'GET'} ${String(url)}` === key)
