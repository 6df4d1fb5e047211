import { adminSessionResponseSchema } from '@bango/shared/admin-api'
import { useMutation } from '@tanstack/react-query'
import { adminRequest } from '../../../lib/api-client.ts'
import { useKeepSession } from '../../../lib/session.ts'

/** The second factor of a sign-in (stage totp_required). */
export function useVerifyTotp() {
  const keep = useKeepSession()
  return useMutation({
    mutationFn: (code: string) => adminRequest('/session/totp', { method: 'POST', body: { code }, schema: adminSessionResponseSchema }),
    onSuccess: keep,
  })
}
