import { useMutation, useQueryClient } from '@tanstack/react-query'
import { adminRequest } from '../../../lib/api-client.ts'
import { sessionKey } from '../../../lib/session.ts'

export function useDisableTotp() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: () => adminRequest('/account/totp', { method: 'DELETE' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: sessionKey }),
  })
}
