/**
 * One campaign's record (name, status, company, settings): the campaign's screens, the export, the
 * disposal and the company the console shows all read this one query, so a change saved on one
 * screen is what the others show. Nothing is fetched while `campaignId` is undefined.
 */
import { campaignSchema } from '@bango/shared/admin-api'
import { useQuery } from '@tanstack/react-query'
import { adminRequest } from './api-client.ts'
import { queryKeys } from './query-keys.ts'

export const useCampaign = (campaignId: string | undefined) =>
  useQuery({
    queryKey: queryKeys.campaign.detail(campaignId ?? ''),
    queryFn: () => adminRequest(`/campaigns/${encodeURIComponent(campaignId ?? '')}`, { schema: campaignSchema }),
    enabled: campaignId !== undefined,
  })
