import { adminSessionResponseSchema } from '@bango/shared/admin-api'
import { useMutation } from '@tanstack/react-query'
import { adminRequest } from '../../../lib/api-client.ts'
import { useKeepSession } from '../../../lib/session.ts'

export function useChangePassword() {
  const keep = useKeepSession()
  return useMutation({
    mutationFn: (body: { currentPassword: string; newPassword: string }) =>
      adminRequest('/account/password', { method: 'PUT', body, schema: adminSessionResponseSchema }),
    onSuccess: keep,
  })
}
