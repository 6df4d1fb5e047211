import { settingsSchema } from '@bango/shared/admin-api'
import { useQuery } from '@tanstack/react-query'
import { adminRequest } from '../../../lib/api-client.ts'

export const settingsKey = ['admin', 'settings'] as const

export function useSettings() {
  return useQuery({ queryKey: settingsKey, queryFn: () => adminRequest('/settings', { schema: settingsSchema }) })
}
