import { type ReturnPersonRequest, returnPersonResponseSchema } from '@bango/shared/admin-review'
import { personReviewSchema } from '@bango/shared/review'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { adminRequest } from '../../../lib/api-client.ts'
import { queryKeys } from '../../../lib/query-keys.ts'
import { submissionPath } from './submission-path.ts'

export type ReviewDecision = { action: 'approve' } | ({ action: 'return' } & ReturnPersonRequest)

/** 承認 or 差し戻し of one person; the submission, the employee page and the dashboard then reload. */
export function useReviewPerson(campaignId: string, employeeId: string, personId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({ action, ...body }: ReviewDecision) => {
      const url = `${submissionPath(campaignId, employeeId)}/persons/${encodeURIComponent(personId)}/${action}`
      // A 差し戻し also answers how the employee is told (`notice`).
      return action === 'return'
        ? adminRequest(url, { method: 'POST', body, schema: returnPersonResponseSchema })
        : adminRequest(url, { method: 'POST', schema: personReviewSchema })
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.campaign.all(campaignId) }),
  })
}
