import { totpEnrolmentResponseSchema } from '@bango/shared/admin-api'
import { useQuery } from '@tanstack/react-query'
import { adminRequest } from '../../../lib/api-client.ts'

/**
 * A new TOTP secret for this screen. A query, not a mutation, so that a double mount
 * (StrictMode) asks once and the QR code shown is the secret the server keeps; dropped
 * when the screen closes, so coming back starts a fresh enrolment.
 */
export function useTotpEnrolment() {
  return useQuery({
    queryKey: ['admin', 'totp-enrolment'],
    queryFn: () => adminRequest('/account/totp', { method: 'POST', schema: totpEnrolmentResponseSchema }),
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: 0,
    retry: false,
  })
}
