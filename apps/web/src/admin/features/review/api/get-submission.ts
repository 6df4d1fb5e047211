import { submissionReviewResponseSchema } from '@bango/shared/admin-review'
import { useQuery } from '@tanstack/react-query'
import { adminRequest } from '../../../lib/api-client.ts'
import { submissionKey, submissionPath } from './keys.ts'

/** The 完了 submission: persons, their choices, image ids and review states (no pixels). */
export const useSubmission = (campaignId: string, employeeId: string) =>
  useQuery({
    queryKey: submissionKey(campaignId, employeeId),
    queryFn: () => adminRequest(`${submissionPath(campaignId, employeeId)}/submission`, { schema: submissionReviewResponseSchema }),
  })
