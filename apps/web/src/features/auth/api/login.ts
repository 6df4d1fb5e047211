import { sessionResponseSchema, type LoginRequest } from '@bango/shared/employee-api'
import { apiRequest } from '../../../lib/api-client.ts'

export const login = (request: LoginRequest) => apiRequest('/api/employee/login', { method: 'POST', body: request, schema: sessionResponseSchema, auth: false })
