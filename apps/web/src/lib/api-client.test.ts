import { personsResponseSchema, sessionResponseSchema } from '@bango/shared/employee-api'
import { beforeEach, describe, expect, it } from 'vitest'
import { apiError, calls, json, mockFetch } from '../test/fetch-mock.ts'
import { buildPersons } from '../test/factories.ts'
import { mockXhr } from '../test/xhr-mock.ts'
import { ApiError, apiRequest, apiUpload, refreshSessionIfDue, retryPolicy } from './api-client.ts'
import { useSessionStore } from './session.ts'

const persons = buildPersons([])

beforeEach(() => {
  retryPolicy.delaysMs = [0, 0]
  useSessionStore.getState().signIn({ accessToken: 'old', expiresAt: new Date(Date.now() + 15 * 60_000).toISOString() })
})

describe('apiRequest', () => {
  it('turns { error } into an ApiError carrying the code and the employee text for it, never the server message', async () => {
    mockFetch({ 'GET /api/employee/persons': () => apiError(403, 'CONSENT_REQUIRED', 'Consent to the purposes of use is required first.') })
    const error = await apiRequest('/api/employee/persons', { schema: personsResponseSchema }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ApiError)
    expect(error).toMatchObject({
      status: 403,
      code: 'CONSENT_REQUIRED',
      message: '先に個人番号の利用目的をご確認のうえ「同意します」をクリックしてください。',
    })
  })

  it('retries a GET that failed on the network, but never a POST', async () => {
    let failures = 2
    const fetchMock = mockFetch({
      'GET /api/employee/persons': () => {
        if (failures-- > 0) throw new TypeError('Failed to fetch')
        return json(200, persons)
      },
      'POST /api/employee/submission': () => {
        throw new TypeError('Failed to fetch')
      },
    })
    await expect(apiRequest('/api/employee/persons', { schema: personsResponseSchema })).resolves.toEqual(persons)
    expect(calls(fetchMock, 'GET /api/employee/persons')).toHaveLength(3)
    await expect(apiRequest('/api/employee/submission', { method: 'POST', schema: personsResponseSchema })).rejects.toMatchObject({ code: 'NETWORK' })
    expect(calls(fetchMock, 'POST /api/employee/submission')).toHaveLength(1)
  })

  it('refreshes the JWT once more than half of its life has passed', async () => {
    const fetchMock = mockFetch({
      'POST /api/employee/session/refresh': () => json(200, { accessToken: 'new', expiresAt: new Date(Date.now() + 15 * 60_000).toISOString() }),
    })
    await refreshSessionIfDue(Date.now() + 5 * 60_000)
    expect(fetchMock).not.toHaveBeenCalled()
    await refreshSessionIfDue(Date.now() + 8 * 60_000)
    expect(useSessionStore.getState().accessToken).toBe('new')
    const [, init] = calls(fetchMock, 'POST /api/employee/session/refresh')[0]!
    expect(new Headers(init?.headers).get('Authorization')).toBe('Bearer old')
    expect(sessionResponseSchema.safeParse({ accessToken: 'x', expiresAt: 'y' }).success).toBe(false)
  })
})

describe('apiUpload', () => {
  const UPLOAD = 'POST /api/employee/persons/p1/images'
  const schema = personsResponseSchema

  it('posts the form with the JWT, reports progress, and parses the answer', async () => {
    const xhr = mockXhr({
      [UPLOAD]: ({ progress }) => {
        progress(0, 1000)
        progress(250, 1000)
        progress(1000, 1000)
        return json(201, persons)
      },
    })
    const form = new FormData()
    form.append('role', 'number')
    const seen: number[] = []
    await expect(apiUpload('/api/employee/persons/p1/images', { body: form, schema, onProgress: (f) => seen.push(f) })).resolves.toEqual(persons)
    expect(seen).toEqual([0, 0.25, 1])
    const [request] = xhr.requests(UPLOAD)
    expect(request?.headers.Authorization).toBe('Bearer old')
    expect(request?.body).toBe(form)
  })

  it('turns { error } into an ApiError, and a 401 ends the session', async () => {
    mockXhr({ [UPLOAD]: () => apiError(413, 'FILE_TOO_LARGE') })
    await expect(apiUpload('/api/employee/persons/p1/images', { body: new FormData(), schema })).rejects.toMatchObject({
      status: 413,
      code: 'FILE_TOO_LARGE',
      message: '画像のファイルサイズが大きすぎます（15 MB まで）。',
    })
    mockXhr({ [UPLOAD]: () => apiError(401, 'UNAUTHENTICATED') })
    await expect(apiUpload('/api/employee/persons/p1/images', { body: new FormData(), schema })).rejects.toBeInstanceOf(ApiError)
    expect(useSessionStore.getState().accessToken).toBeNull()
  })

  it('reports a network failure as NETWORK, and a non-JSON 502 as a server error', async () => {
    mockXhr({
      [UPLOAD]: () => {
        throw new TypeError('network down')
      },
    })
    await expect(apiUpload('/api/employee/persons/p1/images', { body: new FormData(), schema })).rejects.toMatchObject({ status: 0, code: 'NETWORK' })
    mockXhr({ [UPLOAD]: () => new Response('<html>Bad Gateway</html>', { status: 502 }) })
    await expect(apiUpload('/api/employee/persons/p1/images', { body: new FormData(), schema })).rejects.toMatchObject({ status: 502, code: 'INTERNAL' })
  })

  it('refreshes a JWT past half of its life before uploading', async () => {
    useSessionStore.getState().signIn({ accessToken: 'old', expiresAt: new Date(Date.now() + 60_000).toISOString() }, Date.now() - 60_000)
    mockFetch({
      'POST /api/employee/session/refresh': () => json(200, { accessToken: 'new', expiresAt: new Date(Date.now() + 15 * 60_000).toISOString() }),
    })
    const xhr = mockXhr({ [UPLOAD]: () => json(201, persons) })
    await apiUpload('/api/employee/persons/p1/images', { body: new FormData(), schema })
    expect(xhr.requests(UPLOAD)[0]?.headers.Authorization).toBe('Bearer new')
  })
})
