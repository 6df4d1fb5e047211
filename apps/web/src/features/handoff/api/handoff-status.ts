import { handoffStatusResponseSchema } from '@bango/shared/employee-api'
import { apiRequest } from '../../../lib/api-client.ts'

/** When a phone last took over this login by a code: the PC's QR panel polls it while a code is shown. */
export const handoffStatus = () => apiRequest('/api/employee/session/handoff', { method: 'GET', schema: handoffStatusResponseSchema })
