import { type Settings, settingsSchema } from '@bango/shared/admin-api'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { adminRequest } from '../../../lib/api-client.ts'
import { queryKeys } from '../../../lib/query-keys.ts'

export function useUpdateSettings() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (settings: Settings) => adminRequest('/settings', { method: 'PUT', body: settings, schema: settingsSchema }),
    onSuccess: (settings) => queryClient.setQueryData(queryKeys.settings, settings),
  })
}
