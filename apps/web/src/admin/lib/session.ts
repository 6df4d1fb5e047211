import { type AdminSessionResponse, adminSessionResponseSchema } from '@bango/shared/admin-api'
import { useQuery, useQueryClient } from '@tanstack/react-query'
import { AdminApiError, adminRequest, setCsrfToken } from './api-client.ts'
import { queryKeys } from './query-keys.ts'

/** The session, or null when signed out (a 401 is an answer here, not an error). */
async function fetchSession(): Promise<AdminSessionResponse | null> {
  try {
    const session = await adminRequest('/session', { schema: adminSessionResponseSchema })
    setCsrfToken(session.csrfToken)
    return session
  } catch (error) {
    if (error instanceof AdminApiError && error.code === 'UNAUTHENTICATED') {
      setCsrfToken(null)
      return null
    }
    throw error
  }
}

export function useSession() {
  return useQuery({ queryKey: queryKeys.session, queryFn: fetchSession, staleTime: Number.POSITIVE_INFINITY })
}

/** Every sign-in step answers with the session: keep it (and its CSRF token) as the truth. */
export function useKeepSession() {
  const queryClient = useQueryClient()
  return (session: AdminSessionResponse | null) => {
    setCsrfToken(session?.csrfToken ?? null)
    queryClient.setQueryData(queryKeys.session, session)
  }
}
