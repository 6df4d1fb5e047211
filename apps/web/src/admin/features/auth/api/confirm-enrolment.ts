import { adminSessionResponseSchema } from '@bango/shared/admin-api'
import { useMutation } from '@tanstack/react-query'
import { adminRequest } from '../../../lib/api-client.ts'
import { useKeepSession } from '../../../lib/session.ts'

export function useConfirmEnrolment() {
  const keep = useKeepSession()
  return useMutation({
    mutationFn: (code: string) => adminRequest('/account/totp/confirm', { method: 'POST', body: { code }, schema: adminSessionResponseSchema }),
    onSuccess: keep,
  })
}
