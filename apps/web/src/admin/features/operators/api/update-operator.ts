import type { CompanyRole } from '@bango/shared/admin-api'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { adminRequest } from '../../../lib/api-client.ts'
import { queryKeys } from '../../../lib/query-keys.ts'

export type OperatorChange = { role: CompanyRole } | { disabled: boolean } | { unlock: true } | { canExport: boolean }

/** Role, disable/enable, unlock, 出力を許可: one PATCH each. */
export function useUpdateOperator(companyId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({ operatorId, change }: { operatorId: string; change: OperatorChange }) =>
      adminRequest(`/companies/${encodeURIComponent(companyId)}/operators/${encodeURIComponent(operatorId)}`, { method: 'PATCH', body: change }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.company.operators(companyId) }),
  })
}
