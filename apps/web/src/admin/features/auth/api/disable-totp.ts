import type { TotpDisableRequest } from '@bango/shared/admin-api'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { adminRequest } from '../../../lib/api-client.ts'
import { sessionKey } from '../../../lib/session.ts'

export function useDisableTotp() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (request: TotpDisableRequest) => adminRequest('/account/totp', { method: 'DELETE', body: request }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: sessionKey }),
  })
}
