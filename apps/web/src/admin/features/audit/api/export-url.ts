import type { AuditEventFilter } from '@bango/shared/admin-audit'
import { adminPath } from '../../../lib/api-client.ts'
import { apiSearch } from '../utils/audit-filter.ts'

/** The CSV of the filtered view: a plain GET download (the cookie goes along; the server records the export). */
export const exportCsvHref = (filter: AuditEventFilter) => {
  const search = apiSearch(filter)
  return adminPath(`/audit-events.csv${search ? `?${search}` : ''}`)
}
