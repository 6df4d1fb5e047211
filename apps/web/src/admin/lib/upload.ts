/**
 * A file upload to /api/admin with progress: `fetch` cannot report how much of the body was
 * sent, XMLHttpRequest can. Same rules as `adminRequest`: the session cookie travels by
 * itself, the CSRF token goes in its header, an `{ error }` answer becomes an AdminApiError.
 */
import { CSRF_HEADER } from '@bango/shared/admin-api'
import type { z } from 'zod'
import { AdminApiError, adminPath, getCsrfToken, toError } from './api-client.ts'

export interface AdminUpload<T> {
  body: Blob
  contentType: string
  schema: z.ZodType<T>
  /** 0…1 while the body is being sent. */
  onProgress?: (fraction: number) => void
}

export async function adminUpload<T>(path: string, upload: AdminUpload<T>): Promise<T> {
  const { status, payload } = await send(adminPath(path), upload)
  if (status < 200 || status >= 300) throw toError(status, payload)
  const parsed = upload.schema.safeParse(payload)
  if (!parsed.success) throw new AdminApiError(status, 'UNEXPECTED')
  return parsed.data
}

function send(url: string, upload: AdminUpload<unknown>) {
  return new Promise<{ status: number; payload: unknown }>((resolve, reject) => {
    const xhr = new XMLHttpRequest()
    xhr.open('POST', url)
    xhr.setRequestHeader('Accept', 'application/json')
    xhr.setRequestHeader('Content-Type', upload.contentType)
    const token = getCsrfToken()
    if (token) xhr.setRequestHeader(CSRF_HEADER, token)
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) upload.onProgress?.(Math.min(1, event.loaded / event.total))
    }
    xhr.onload = () => {
      let payload: unknown
      try {
        payload = JSON.parse(xhr.responseText)
      } catch {
        payload = undefined
      }
      resolve({ status: xhr.status, payload })
    }
    xhr.onerror = xhr.ontimeout = xhr.onabort = () => reject(new AdminApiError(0, 'NETWORK'))
    xhr.send(upload.body)
  })
}
