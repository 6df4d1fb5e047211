import { submissionReviewResponseSchema } from '@bango/shared/admin-review'
import { useQuery } from '@tanstack/react-query'
import { adminRequest } from '../../../lib/api-client.ts'
import { submissionKey, submissionPath } from './keys.ts'

/**
 * The 完了 submission: persons, their choices, image ids and review states (no pixels). Kept no
 * longer than the screen shows it: after a re-submission the old answer would name images
 * deleted since, which would answer 「対象が見つかりません」 until the new answer came.
 */
export const useSubmission = (campaignId: string, employeeId: string) =>
  useQuery({
    queryKey: submissionKey(campaignId, employeeId),
    gcTime: 0,
    queryFn: () => adminRequest(`${submissionPath(campaignId, employeeId)}/submission`, { schema: submissionReviewResponseSchema }),
  })
