import { linkResponseSchema } from '@bango/shared/employee-api'
import { apiRequest } from '../../../lib/api-client.ts'

/** Who is asking (company, 問い合わせ先) for a login link, before the password. */
export const getLink = (token: string) => apiRequest('/api/employee/link', { method: 'POST', body: { token }, schema: linkResponseSchema, auth: false })
