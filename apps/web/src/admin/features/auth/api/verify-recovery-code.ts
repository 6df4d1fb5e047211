import { adminSessionResponseSchema } from '@bango/shared/admin-api'
import { useMutation } from '@tanstack/react-query'
import { adminRequest } from '../../../lib/api-client.ts'
import { useKeepSession } from '../../../lib/session.ts'

/** A recovery code instead of the TOTP code (stage totp_required); each works once. */
export function useVerifyRecoveryCode() {
  const keep = useKeepSession()
  return useMutation({
    mutationFn: (code: string) => adminRequest('/session/recovery-code', { method: 'POST', body: { code }, schema: adminSessionResponseSchema }),
    onSuccess: keep,
  })
}
