import { numberRevealResponseSchema } from '@bango/shared/admin-number'
import { useMutation } from '@tanstack/react-query'
import { adminRequest } from '../../../lib/api-client.ts'
import { numberPath } from './number-path.ts'

/**
 * The full number (an audit event on the server). A mutation, not a query: it is never cached,
 * refetched or shared between screens, and `reset()` forgets it.
 */
export const useRevealNumber = (campaignId: string, employeeId: string, personId: string) =>
  useMutation({
    mutationFn: () => adminRequest(numberPath(campaignId, employeeId, personId, '/reveal'), { method: 'POST', schema: numberRevealResponseSchema }),
  })
