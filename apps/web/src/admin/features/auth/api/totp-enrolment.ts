import { totpEnrolmentResponseSchema } from '@bango/shared/admin-api'
import { useMutation } from '@tanstack/react-query'
import { adminRequest } from '../../../lib/api-client.ts'

/**
 * A new TOTP secret, after the current password is checked again (a session left open is not
 * enough to bind the account to an authenticator). A mutation: the operator starts it.
 */
export function useBeginEnrolment() {
  return useMutation({
    mutationFn: (currentPassword: string) => adminRequest('/account/totp', { method: 'POST', body: { currentPassword }, schema: totpEnrolmentResponseSchema }),
  })
}
