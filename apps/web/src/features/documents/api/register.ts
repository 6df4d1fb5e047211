import type { Registration } from '@bango/shared/documents'
import { personSchema } from '@bango/shared/employee-api'
import { apiRequest } from '../../../lib/api-client.ts'

/** 「登録する」; `myNumber` only when the campaign asks the employee for it (sent in the body, never the URL). */
export const register = (personId: string, registration: Registration, myNumber?: string) =>
  apiRequest(`/api/employee/persons/${encodeURIComponent(personId)}/registration`, {
    method: 'POST',
    body: myNumber === undefined ? registration : { ...registration, myNumber },
    schema: personSchema,
  })
