import { disposalCertificateResponseSchema, handlingRecordResponseSchema } from '@bango/shared/admin-records'
import { useQuery } from '@tanstack/react-query'
import { adminRequest } from '../../../lib/api-client.ts'
import { queryKeys } from '../../../lib/query-keys.ts'

const base = (campaignId: string) => `/campaigns/${encodeURIComponent(campaignId)}`

/** The campaign's 取扱記録 (administrators). */
export const useHandlingRecord = (campaignId: string) =>
  useQuery({
    queryKey: queryKeys.campaign.handlingRecord(campaignId),
    queryFn: () => adminRequest(`${base(campaignId)}/handling-record`, { schema: handlingRecordResponseSchema }),
  })

/** The campaign's 廃棄証明 (administrators). */
export const useDisposalCertificate = (campaignId: string) =>
  useQuery({
    queryKey: queryKeys.campaign.disposalCertificate(campaignId),
    queryFn: () => adminRequest(`${base(campaignId)}/disposal-certificate`, { schema: disposalCertificateResponseSchema }),
  })
