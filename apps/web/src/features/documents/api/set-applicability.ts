import { personSchema } from '@bango/shared/employee-api'
import { apiRequest } from '../../../lib/api-client.ts'

/** 「現在は扶養していない、または住民票がない」 (false) or 「対象に戻す」 (true). */
export const setApplicability = (personId: string, applicable: boolean) =>
  apiRequest(`/api/employee/persons/${encodeURIComponent(personId)}/applicability`, {
    method: 'PUT',
    body: { applicable },
    schema: personSchema,
  })
