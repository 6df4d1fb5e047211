import { useSession } from '../../../lib/session.ts'

/** Whether the signed-in operator administers the company (disposal is theirs alone; the API checks too). */
export function useAdministers(companyId: string | undefined): boolean {
  const session = useSession().data
  if (!session || !companyId) return false
  return session.operator.isSystemAdmin || session.companies.some((c) => c.id === companyId && c.role === 'administrator')
}

export const formatDateTime = (iso: string) =>
  new Date(iso).toLocaleString('ja-JP', { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' })
