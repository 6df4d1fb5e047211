import { numberStateSchema } from '@bango/shared/admin-number'
import { useQuery } from '@tanstack/react-query'
import { adminRequest } from '../../../lib/api-client.ts'
import { queryKeys } from '../../../lib/query-keys.ts'
import { numberPath } from './number-path.ts'

/** The person's number state: masked, never the digits. */
export const useNumberState = (campaignId: string, employeeId: string, personId: string) =>
  useQuery({
    queryKey: queryKeys.campaign.personNumber(campaignId, employeeId, personId),
    queryFn: () => adminRequest(numberPath(campaignId, employeeId, personId), { schema: numberStateSchema }),
  })
