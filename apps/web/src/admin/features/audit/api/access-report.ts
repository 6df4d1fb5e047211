import { type AccessReportQuery, accessReportResponseSchema } from '@bango/shared/admin-records'
import { useQuery } from '@tanstack/react-query'
import { adminPath, adminRequest } from '../../../lib/api-client.ts'
import { queryKeys } from '../../../lib/query-keys.ts'

const search = (query: AccessReportQuery) =>
  new URLSearchParams({ from: query.from, to: query.to, ...(query.operatorId ? { operatorId: query.operatorId } : {}) }).toString()
const reportPath = (companyId: string) => `/companies/${encodeURIComponent(companyId)}/access-report`

/** The report for a window (each one is recorded, so it is asked for only when HR presses 表示する). */
export const useAccessReport = (companyId: string, query: AccessReportQuery | null) =>
  useQuery({
    queryKey: queryKeys.accessReport(companyId, query),
    queryFn: () => adminRequest(`${reportPath(companyId)}?${search(query!)}`, { schema: accessReportResponseSchema }),
    enabled: query !== null,
    staleTime: Infinity,
    refetchOnWindowFocus: false,
  })

/** The same report as CSV, one line per exported person: a plain download (the server records it). */
export const accessReportCsvHref = (companyId: string, query: AccessReportQuery) => adminPath(`${reportPath(companyId)}.csv?${search(query)}`)
