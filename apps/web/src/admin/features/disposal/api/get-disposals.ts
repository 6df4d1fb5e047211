import { disposalsResponseSchema } from '@bango/shared/admin-disposal'
import { useInfiniteQuery } from '@tanstack/react-query'
import { adminRequest } from '../../../lib/api-client.ts'
import { disposalKeys } from './keys.ts'

/** The company's disposal records, newest first, a keyset page at a time (「さらに表示」). */
export const useDisposals = (companyId: string) =>
  useInfiniteQuery({
    queryKey: disposalKeys.records(companyId),
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) =>
      adminRequest(`/companies/${encodeURIComponent(companyId)}/disposals${pageParam ? `?cursor=${encodeURIComponent(pageParam)}` : ''}`, {
        schema: disposalsResponseSchema,
      }),
    getNextPageParam: (last) => last.nextCursor,
  })
