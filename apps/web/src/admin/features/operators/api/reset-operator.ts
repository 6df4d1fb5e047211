import { operatorResetResponseSchema } from '@bango/shared/admin-account'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { adminRequest } from '../../../lib/api-client.ts'
import { queryKeys } from '../../../lib/query-keys.ts'

/** The administrator's reset: a new one-time password (in this answer only), TOTP off, sessions ended. */
export function useResetOperator(companyId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({ operatorId, currentPassword }: { operatorId: string; currentPassword: string }) =>
      adminRequest(`/companies/${encodeURIComponent(companyId)}/operators/${encodeURIComponent(operatorId)}/reset`, {
        method: 'POST',
        body: { currentPassword },
        schema: operatorResetResponseSchema,
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.company.operators(companyId) }),
  })
}
