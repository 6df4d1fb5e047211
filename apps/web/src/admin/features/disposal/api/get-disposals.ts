import { disposalsResponseSchema } from '@bango/shared/admin-disposal'
import { useInfiniteQuery } from '@tanstack/react-query'
import { adminPath, adminRequest } from '../../../lib/api-client.ts'
import { queryKeys } from '../../../lib/query-keys.ts'

const search = (q: string, cursor?: string | null) => {
  const params = new URLSearchParams()
  if (q) params.set('q', q)
  if (cursor) params.set('cursor', cursor)
  const text = params.toString()
  return text ? `?${text}` : ''
}

/** The company's disposal records, newest first, a keyset page at a time (「さらに表示」); `q`: 氏名・社員番号. */
export const useDisposals = (companyId: string, q = '') =>
  useInfiniteQuery({
    queryKey: queryKeys.company.disposalSearch(companyId, q),
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) =>
      adminRequest(`/companies/${encodeURIComponent(companyId)}/disposals${search(q, pageParam)}`, {
        schema: disposalsResponseSchema,
      }),
    getNextPageParam: (last) => last.nextCursor,
  })

/** The same search as CSV: a plain GET download (the server records the export). */
export const disposalsCsvHref = (companyId: string, q = '') => adminPath(`/companies/${encodeURIComponent(companyId)}/disposals.csv${search(q)}`)
