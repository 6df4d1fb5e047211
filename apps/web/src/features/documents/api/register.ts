import type { Registration } from '@bango/shared/documents'
import { personSchema } from '@bango/shared/employee-api'
import { apiRequest } from '../../../lib/api-client.ts'

/** 「登録する」 */
export const register = (personId: string, registration: Registration) =>
  apiRequest(`/api/employee/persons/${encodeURIComponent(personId)}/registration`, {
    method: 'POST',
    body: registration,
    schema: personSchema,
  })
