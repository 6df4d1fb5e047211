import { sessionResponseSchema } from '@bango/shared/employee-api'
import { apiRequest } from '../../../lib/api-client.ts'

export const redeemHandoff = (code: string) =>
  apiRequest('/api/employee/session/handoff/redeem', { method: 'POST', body: { code }, schema: sessionResponseSchema, auth: false })
