import { submissionReviewResponseSchema } from '@bango/shared/admin-review'
import { useQuery } from '@tanstack/react-query'
import { adminRequest } from '../../../lib/api-client.ts'
import { queryKeys } from '../../../lib/query-keys.ts'
import { submissionPath } from './submission-path.ts'

/**
 * The 完了 submission: persons, their choices, image ids and review states (no pixels). Only an
 * answer fetched since the screen opened is shown: after a re-submission an older one would name
 * images deleted since, which would answer 「対象が見つかりません」 until the new answer came. (A
 * `gcTime` of 0 alone is not enough: a quick return finds the old answer before its removal runs.)
 */
export function useSubmission(campaignId: string, employeeId: string) {
  const query = useQuery({
    queryKey: queryKeys.campaign.submission(campaignId, employeeId),
    gcTime: 0,
    refetchOnMount: 'always',
    queryFn: () => adminRequest(`${submissionPath(campaignId, employeeId)}/submission`, { schema: submissionReviewResponseSchema }),
  })
  return { data: query.isFetchedAfterMount ? query.data : undefined, error: query.error }
}
