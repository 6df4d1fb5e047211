import { personSchema } from '@bango/shared/employee-api'
import { apiRequest } from '../../../lib/api-client.ts'

/** 「登録をやり直す」: a registered person goes back to 未登録; their draft images are discarded on the server. */
export const startOver = (personId: string) =>
  apiRequest(`/api/employee/persons/${encodeURIComponent(personId)}/registration`, { method: 'DELETE', schema: personSchema })
