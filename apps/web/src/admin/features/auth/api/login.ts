import { type adminLoginRequestSchema, adminSessionResponseSchema } from '@bango/shared/admin-api'
import type { z } from 'zod'
import { useMutation } from '@tanstack/react-query'
import { adminRequest } from '../../../lib/api-client.ts'
import { useKeepSession } from '../../../lib/session.ts'

export function useLogin() {
  const keep = useKeepSession()
  return useMutation({
    mutationFn: (body: z.infer<typeof adminLoginRequestSchema>) => adminRequest('/session', { method: 'POST', body, schema: adminSessionResponseSchema }),
    onSuccess: keep,
  })
}
