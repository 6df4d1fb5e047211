import { auditSubjectsResponseSchema } from '@bango/shared/admin-audit'
import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { adminRequest } from '../../../lib/api-client.ts'
import { queryKeys } from '../../../lib/query-keys.ts'

const subjects = (search: URLSearchParams) => adminRequest(`/audit-subjects?${search.toString()}`, { schema: auditSubjectsResponseSchema })

/** Persons and operators whose name or 社員番号 matches `q` (nothing asked for an empty text). */
export const useAuditSubjects = (q: string) =>
  useQuery({
    queryKey: queryKeys.auditSubjects(q),
    queryFn: () => subjects(new URLSearchParams({ q })),
    enabled: q.trim().length > 0,
    placeholderData: keepPreviousData,
  })

/** The one person or operator a filter from the URL names. */
export const useAuditSubject = (id: string | undefined) =>
  useQuery({
    queryKey: queryKeys.auditSubject(id),
    queryFn: () => subjects(new URLSearchParams({ id: id! })),
    enabled: id !== undefined,
    select: (found) => found.persons[0] ?? found.operators[0] ?? null,
  })
