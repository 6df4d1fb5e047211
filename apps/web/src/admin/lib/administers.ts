import { useSession } from './session.ts'

/** Whether the signed-in operator administers the company (disposal, closing, destructive settings: settings-policy; the API checks too). */
export function useAdministers(companyId: string | undefined): boolean {
  const session = useSession().data
  if (!session || !companyId) return false
  return session.operator.isSystemAdmin || session.companies.some((c) => c.id === companyId && c.role === 'administrator')
}
