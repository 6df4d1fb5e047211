/**
 * The HR console: loaded lazily by the SPA's router for /admin (the employee's first load
 * holds none of it: scripts/check-employee-bundle.mjs proves it on every build).
 */
import { QueryClientProvider } from '@tanstack/react-query'
import { useEffect, useState } from 'react'
import { queryKeys } from '../lib/query-keys.ts'
import { setStepRequiredHandler, setUnauthenticatedHandler } from '../lib/api-client.ts'
import { createAdminQueryClient } from '../lib/query-client.ts'
import { AdminRoutes } from './admin-routes.tsx'
import './admin.css'

export default function AdminApp() {
  const [queryClient] = useState(createAdminQueryClient)
  useEffect(() => {
    // Any 401 (idle timeout, logout elsewhere, disabled account) sends the gate to ログイン.
    setUnauthenticatedHandler(() => queryClient.setQueryData(queryKeys.session, null))
    // A session sent back to a sign-in step (「2 段階認証を必須」 switched on): the gate shows that step.
    setStepRequiredHandler(() => void queryClient.invalidateQueries({ queryKey: queryKeys.session }))
    document.documentElement.classList.add('admin-root')
    return () => {
      setUnauthenticatedHandler(() => {})
      setStepRequiredHandler(() => {})
      document.documentElement.classList.remove('admin-root')
    }
  }, [queryClient])
  return (
    <QueryClientProvider client={queryClient}>
      <AdminRoutes />
    </QueryClientProvider>
  )
}
