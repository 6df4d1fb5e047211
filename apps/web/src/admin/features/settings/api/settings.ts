import { settingsSchema } from '@bango/shared/admin-api'
import { useQuery } from '@tanstack/react-query'
import { adminRequest } from '../../../lib/api-client.ts'
import { queryKeys } from '../../../lib/query-keys.ts'

export function useSettings() {
  return useQuery({ queryKey: queryKeys.settings, queryFn: () => adminRequest('/settings', { schema: settingsSchema }) })
}
