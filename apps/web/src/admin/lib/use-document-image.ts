import { useEffect, useState } from 'react'
import { AdminApiError, adminPath, toError } from './api-client.ts'

type ImageState = { status: 'loading' } | { status: 'ready'; url: string } | { status: 'error'; error: AdminApiError }

/**
 * One watermarked image, fetched as a blob and shown through an object URL that is revoked
 * when the viewer goes away. Deliberately outside react-query: the pixels are never kept in
 * a cache, and each opening is a new, audited view (the server answers `no-store`).
 */
export function useDocumentImage(campaignId: string, documentId: string): ImageState {
  // Held with the document it shows: another document is loading until its own answer arrives.
  const [state, setState] = useState<{ documentId: string; image: ImageState } | null>(null)
  useEffect(() => {
    let url: string | null = null
    let cancelled = false
    const load = async () => {
      let response: Response
      try {
        response = await fetch(adminPath(`/campaigns/${encodeURIComponent(campaignId)}/documents/${encodeURIComponent(documentId)}/image`), {
          credentials: 'same-origin',
          cache: 'no-store',
        })
      } catch {
        throw new AdminApiError(0, 'NETWORK')
      }
      if (!response.ok) throw toError(response.status, await response.json().catch(() => undefined))
      return response.blob()
    }
    load().then(
      (blob) => {
        if (cancelled) return
        url = URL.createObjectURL(blob)
        setState({ documentId, image: { status: 'ready', url } })
      },
      (error: unknown) => {
        if (!cancelled) setState({ documentId, image: { status: 'error', error: error instanceof AdminApiError ? error : new AdminApiError(0, 'UNEXPECTED') } })
      },
    )
    return () => {
      cancelled = true
      if (url) URL.revokeObjectURL(url)
    }
  }, [campaignId, documentId])
  return state?.documentId === documentId ? state.image : { status: 'loading' }
}
