import { numberStateSchema } from '@bango/shared/admin-number'
import { useQuery } from '@tanstack/react-query'
import { adminRequest } from '../../../lib/api-client.ts'
import { numberKey, numberPath } from './keys.ts'

/** The person's number state: masked, never the digits. */
export const useNumberState = (campaignId: string, employeeId: string, personId: string) =>
  useQuery({
    queryKey: numberKey(campaignId, employeeId, personId),
    queryFn: () => adminRequest(numberPath(campaignId, employeeId, personId), { schema: numberStateSchema }),
  })
