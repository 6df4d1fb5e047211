/**
 * `XMLHttpRequest` mocked at the boundary (uploads use it for progress). Routes answer with
 * a `Response` like in fetch-mock; a handler may report upload progress before answering,
 * and throwing stands for a network failure.
 */
import { vi } from 'vitest'

export interface XhrRequest {
  method: string
  url: string
  headers: Record<string, string>
  body: unknown
  /** Fires `upload.onprogress` with these byte counts. */
  progress: (loaded: number, total: number) => void
}
type Handler = (request: XhrRequest) => Response | Promise<Response>

export function mockXhr(routes: Record<string, Handler>) {
  const requests: XhrRequest[] = []

  class FakeXMLHttpRequest {
    upload: { onprogress: ((event: ProgressEvent) => void) | null } = { onprogress: null }
    onload: (() => void) | null = null
    onerror: (() => void) | null = null
    ontimeout: (() => void) | null = null
    onabort: (() => void) | null = null
    status = 0
    responseText = ''
    private method = 'GET'
    private url = ''
    private headers: Record<string, string> = {}

    open(method: string, url: string) {
      this.method = method
      this.url = url
    }
    setRequestHeader(name: string, value: string) {
      this.headers[name] = value
    }
    send(body: unknown) {
      const request: XhrRequest = {
        method: this.method,
        url: this.url,
        headers: this.headers,
        body,
        progress: (loaded, total) => this.upload.onprogress?.({ lengthComputable: true, loaded, total } as ProgressEvent),
      }
      requests.push(request)
      const handler = routes[`${this.method} ${this.url}`]
      void (async () => {
        try {
          const response = handler
            ? await handler(request)
            : new Response(JSON.stringify({ error: { code: 'NOT_FOUND', message: `unexpected ${this.method} ${this.url}` } }), { status: 404 })
          this.status = response.status
          this.responseText = await response.text()
          this.onload?.()
        } catch {
          this.onerror?.()
        }
      })()
    }
  }

  vi.stubGlobal('XMLHttpRequest', FakeXMLHttpRequest)
  return { requests: (key: string) => requests.filter((r) => `${r.method} ${r.url}` === key) }
}
