import { employeeDetailResponseSchema } from '@bango/shared/admin-dashboard'
import { useQuery } from '@tanstack/react-query'
import { adminRequest } from '../../../lib/api-client.ts'
import { queryKeys } from '../../../lib/query-keys.ts'

/** The person's name and relationship, from the employee's detail (the same answer the dashboard reads). */
export const usePerson = (campaignId: string, employeeId: string, personId: string) =>
  useQuery({
    queryKey: queryKeys.campaign.employee(campaignId, employeeId),
    queryFn: () =>
      adminRequest(`/campaigns/${encodeURIComponent(campaignId)}/employees/${encodeURIComponent(employeeId)}`, { schema: employeeDetailResponseSchema }),
    select: (detail) => ({ employee: detail.employee, person: detail.persons.find((p) => p.id === personId) ?? null }),
  })
