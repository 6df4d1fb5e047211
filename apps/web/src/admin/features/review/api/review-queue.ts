import { householdApprovalSchema, reviewQueueSchema } from '@bango/shared/admin-review'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { adminRequest } from '../../../lib/api-client.ts'
import { queryKeys } from '../../../lib/query-keys.ts'
import { submissionPath } from './submission-path.ts'

/** The households with persons to approve or numbers to record, oldest 完了 first: what 「次の従業員」 walks. */
export const useReviewQueue = (campaignId: string) =>
  useQuery({
    queryKey: queryKeys.campaign.reviewQueue(campaignId),
    queryFn: () => adminRequest(`/campaigns/${encodeURIComponent(campaignId)}/review-queue`, { schema: reviewQueueSchema }),
  })

/** 「世帯をまとめて承認」: every person of the household still to review; the submission, the queue and the dashboard then reload. */
export function useApproveHousehold(campaignId: string, employeeId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: () => adminRequest(`${submissionPath(campaignId, employeeId)}/approve`, { method: 'POST', schema: householdApprovalSchema }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.campaign.all(campaignId) }),
  })
}
