import { type AuditEventFilter, auditEventListResponseSchema } from '@bango/shared/admin-audit'
import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { adminRequest } from '../../../lib/api-client.ts'
import { queryKeys } from '../../../lib/query-keys.ts'
import { apiSearch } from '../utils/audit-filter.ts'

export const AUDIT_PAGE_SIZE = 50

/** One keyset page (cursor: the previous page's nextCursor); the last page stays while the next loads. */
export const useAuditEvents = (filter: AuditEventFilter, cursor: string | undefined) =>
  useQuery({
    queryKey: queryKeys.auditEvents(filter, cursor ?? null),
    queryFn: () => adminRequest(`/audit-events?${apiSearch(filter, cursor, AUDIT_PAGE_SIZE)}`, { schema: auditEventListResponseSchema }),
    placeholderData: keepPreviousData,
  })
