import { handoffResponseSchema } from '@bango/shared/employee-api'
import { apiRequest } from '../../../lib/api-client.ts'

export const issueHandoff = () => apiRequest('/api/employee/session/handoff', { method: 'POST', schema: handoffResponseSchema })
