import type { EmployeeListQuery } from '@bango/shared/admin-dashboard'
import { useSearchParams } from 'react-router'
import { fromSearch, toSearch } from './list-query.ts'

/** The list query read from and written to the URL; a new search, filter or sort goes back to page 1. */
export function useListQuery() {
  const [search, setSearch] = useSearchParams()
  const query = fromSearch(search)
  const update = (patch: Partial<EmployeeListQuery>) => {
    const resetsPage = 'q' in patch || 'status' in patch || 'sort' in patch || 'order' in patch || 'pageSize' in patch
    setSearch(toSearch({ ...query, ...(resetsPage ? { page: 1 } : {}), ...patch }))
  }
  return { query, update }
}
