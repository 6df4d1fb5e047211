import { personSchema } from '@bango/shared/employee-api'
import { apiRequest } from '../../../lib/api-client.ts'

/** 「現在扶養者ではありませんまたは住民票を有していません」 (false) or 「対象に戻す」 (true). */
export const setApplicability = (personId: string, applicable: boolean) =>
  apiRequest(`/api/employee/persons/${encodeURIComponent(personId)}/applicability`, {
    method: 'PUT',
    body: { applicable },
    schema: personSchema,
  })
