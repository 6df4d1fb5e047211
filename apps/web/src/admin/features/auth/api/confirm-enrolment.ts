import { totpConfirmedResponseSchema } from '@bango/shared/admin-account'
import { useMutation } from '@tanstack/react-query'
import { adminRequest } from '../../../lib/api-client.ts'

/**
 * Switches TOTP on. The answer carries the recovery codes once; the screen keeps the session it
 * carries only after they were shown (keeping it at once would move the sign-in on past them).
 */
export function useConfirmEnrolment() {
  return useMutation({
    mutationFn: (code: string) => adminRequest('/account/totp/confirm', { method: 'POST', body: { code }, schema: totpConfirmedResponseSchema }),
  })
}
