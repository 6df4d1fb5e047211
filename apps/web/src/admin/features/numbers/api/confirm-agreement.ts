import { numberStateSchema } from '@bango/shared/admin-number'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { adminRequest } from '../../../lib/api-client.ts'
import { queryKeys } from '../../../lib/query-keys.ts'
import { numberPath } from './number-path.ts'

/** 「一致を確認して記録する」 (ADR 043): the number the operator saw beside the image, which the server checks is the agreed one. */
export function useConfirmAgreement(campaignId: string, employeeId: string, personId: string) {
  const queryClient = useQueryClient()
  const key = queryKeys.campaign.personNumber(campaignId, employeeId, personId)
  return useMutation({
    mutationFn: (number: string) =>
      adminRequest(numberPath(campaignId, employeeId, personId, '/agreement'), { method: 'POST', body: { number }, schema: numberStateSchema }),
    onSuccess: (state) => queryClient.setQueryData(key, state),
    onError: () => queryClient.invalidateQueries({ queryKey: key }),
  })
}
