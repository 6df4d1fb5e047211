import type { TotpDisableRequest } from '@bango/shared/admin-api'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { adminRequest } from '../../../lib/api-client.ts'
import { queryKeys } from '../../../lib/query-keys.ts'

export function useDisableTotp() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (request: TotpDisableRequest) => adminRequest('/account/totp', { method: 'DELETE', body: request }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.session }),
  })
}
