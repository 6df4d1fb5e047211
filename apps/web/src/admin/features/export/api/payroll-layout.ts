import { type PayrollLayout, payrollLayoutResponseSchema } from '@bango/shared/admin-export'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { adminRequest } from '../../../lib/api-client.ts'
import { queryKeys } from '../../../lib/query-keys.ts'

const url = (companyId: string) => `/companies/${encodeURIComponent(companyId)}/exports/layout`

/** The company's payroll file layout (the 標準 preset until one is saved). */
export const usePayrollLayout = (companyId: string | undefined, enabled: boolean) =>
  useQuery({
    queryKey: queryKeys.company.payrollLayout(companyId ?? ''),
    queryFn: () => adminRequest(url(companyId ?? ''), { schema: payrollLayoutResponseSchema }),
    enabled: enabled && companyId !== undefined,
  })

export function useSavePayrollLayout(companyId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (layout: PayrollLayout) => adminRequest(url(companyId), { method: 'PUT', body: layout, schema: payrollLayoutResponseSchema }),
    onSuccess: (saved) => queryClient.setQueryData(queryKeys.company.payrollLayout(companyId), saved),
  })
}
