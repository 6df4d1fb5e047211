import { submissionResponseSchema } from '@bango/shared/employee-api'
import { apiRequest } from '../../../lib/api-client.ts'

/** 「完了」: submits every draft at once. Idempotent on the server. */
export const submit = () => apiRequest('/api/employee/submission', { method: 'POST', schema: submissionResponseSchema })
