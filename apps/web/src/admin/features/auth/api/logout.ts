import { useMutation, useQueryClient } from '@tanstack/react-query'
import { adminRequest, setCsrfToken } from '../../../lib/api-client.ts'
import { queryKeys } from '../../../lib/query-keys.ts'

/** Ends the session and forgets everything the console fetched. */
export function useLogout() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: () => adminRequest('/session', { method: 'DELETE' }),
    onSettled: () => {
      setCsrfToken(null)
      queryClient.clear()
      queryClient.setQueryData(queryKeys.session, null)
    },
  })
}
