import { disposalPreviewResponseSchema } from '@bango/shared/admin-disposal'
import { useQuery } from '@tanstack/react-query'
import { adminRequest } from '../../../lib/api-client.ts'
import { queryKeys } from '../../../lib/query-keys.ts'

/** What the next automatic run would dispose of in the campaign (dry run). */
export const useDisposalPreview = (campaignId: string) =>
  useQuery({
    queryKey: queryKeys.campaign.disposalPreview(campaignId),
    queryFn: () => adminRequest(`/campaigns/${encodeURIComponent(campaignId)}/disposal/preview`, { schema: disposalPreviewResponseSchema }),
  })
