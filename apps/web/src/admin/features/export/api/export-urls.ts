import type { PayrollCsvEncoding } from '@bango/shared/admin-export'
import { adminPath } from '../../../lib/api-client.ts'

/**
 * The exports are plain GET downloads (the cookie session; a GET needs no CSRF token): the
 * browser saves them under the server's Content-Disposition name, nothing passes through JS.
 */
export const exportUrls = {
  payrollCsv: (campaignId: string, encoding: PayrollCsvEncoding) =>
    adminPath(`/campaigns/${encodeURIComponent(campaignId)}/exports/payroll.csv?encoding=${encoding}`),
  payrollXlsx: (campaignId: string) => adminPath(`/campaigns/${encodeURIComponent(campaignId)}/exports/payroll.xlsx`),
  documentsZip: (campaignId: string) => adminPath(`/campaigns/${encodeURIComponent(campaignId)}/exports/documents.zip`),
}
