import { useSession } from '../../../lib/session.ts'

/** Whether the signed-in operator may export for this company (the API checks too). */
export function useCanExport(companyId: string | undefined): boolean {
  const session = useSession().data
  if (!session || !companyId) return false
  return session.operator.isSystemAdmin || session.companies.some((c) => c.id === companyId && c.canExport)
}
