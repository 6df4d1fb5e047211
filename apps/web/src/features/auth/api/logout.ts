import { z } from 'zod'
import { apiRequest } from '../../../lib/api-client.ts'

/** Ends this session on the server: its token is refused from then on. */
export const logout = () => apiRequest('/api/employee/session/logout', { method: 'POST', schema: z.undefined() })
