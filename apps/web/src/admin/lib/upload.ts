/**
 * A file upload to /api/admin with progress: `fetch` cannot report how much of the body was
 * sent, XMLHttpRequest can. Same rules as `adminRequest`: the session cookie travels by
 * itself, the CSRF token goes in its header, an `{ error }` answer becomes an AdminApiError.
 */
import { CSRF_HEADER } from '@bango/shared/admin-api'
import type { z } from 'zod'
import { xhrPost } from '../../lib/xhr-post.ts'
import { AdminApiError, adminPath, getCsrfToken, toError } from './api-client.ts'

export interface AdminUpload<T> {
  body: Blob
  contentType: string
  schema: z.ZodType<T>
  /** 0…1 while the body is being sent. */
  onProgress?: (fraction: number) => void
}

export async function adminUpload<T>(path: string, upload: AdminUpload<T>): Promise<T> {
  const token = getCsrfToken()
  const headers: Record<string, string> = { Accept: 'application/json', 'Content-Type': upload.contentType, ...(token ? { [CSRF_HEADER]: token } : {}) }
  const { status, payload } = await xhrPost(adminPath(path), upload.body, { headers, onProgress: upload.onProgress }).catch(() => {
    throw new AdminApiError(0, 'NETWORK')
  })
  if (status < 200 || status >= 300) throw toError(status, payload)
  const parsed = upload.schema.safeParse(payload)
  if (!parsed.success) throw new AdminApiError(status, 'UNEXPECTED')
  return parsed.data
}
