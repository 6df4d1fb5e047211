/**
 * The payroll file: one record per approved, not disposed person, in the company's layout, with
 * HR's recorded number decrypted into 個人番号 (empty when none was recorded) — as CSV (UTF-8 or
 * Shift_JIS) or as an Excel workbook whose text cells keep the number, 社員番号 and codes whole.
 * The file is the only place the number goes: never a log line, never the audit detail (the
 * format, the columns by key, counts and ids only). The export is recorded before bytes leave.
 */
import { DEFAULT_PAYROLL_LAYOUT, type PayrollCsvEncoding, type PayrollLayout } from '@bango/shared/admin-export'
import { payrollCsvFormat } from '@bango/shared/csv-formats'
import type { Readable } from 'node:stream'
import type { Db } from '../../db/types.ts'
import { xlsxWorkbook } from '../../lib/xlsx.ts'
import { type AuditLog, byOperator } from '../audit.ts'
import { type CampaignScope, requireLevel } from './access.ts'
import { exportedPersons } from './export-records.ts'
import { exportSummary } from './export-summary.ts'
import type { NumberSealing } from './number-sealing.ts'
import { csvRecord, payrollValues, xlsxColumns, xlsxRow } from './payroll-file.ts'
import { savedPayrollLayout } from './payroll-layout.ts'

export const PAYROLL_SHEET_NAME = '給与システム用'

type FileFormat = { format: 'csv'; encoding: PayrollCsvEncoding } | { format: 'xlsx' }

export function createPayrollExport(db: Db, sealing: NumberSealing, audit: AuditLog) {
  /** The layout and every exported person's values; the number decrypted only when the layout has the column. */
  async function prepare(companyId: string, campaignId: string) {
    const layout: PayrollLayout = (await savedPayrollLayout(db, companyId)) ?? DEFAULT_PAYROLL_LAYOUT
    const withNumber = layout.columns.some((c) => c.key === 'myNumber')
    const persons = await exportedPersons(db, campaignId)
    const values = persons.map((entry) => {
      const number = withNumber && entry.person.myNumber ? sealing.open('hr', entry.person.id, entry.person.myNumber) : ''
      return payrollValues(entry, number)
    })
    return { layout, persons, values }
  }

  async function record(
    { operator, companyId, campaignId }: CampaignScope,
    file: FileFormat & { lossyCharacters?: number },
    prepared: Awaited<ReturnType<typeof prepare>>,
  ) {
    const { layout, persons } = prepared
    await audit.record({
      ...byOperator(operator, companyId),
      action: 'export.payroll_csv',
      targetId: campaignId,
      detail: {
        ...file,
        columns: layout.columns.map((c) => c.key),
        dateFormat: layout.dateFormat,
        persons: persons.length,
        withoutNumber: persons.filter((p) => !p.person.myNumber).length,
        personIds: persons.map((p) => p.person.id),
      },
    })
  }

  return {
    /** Who the file holds and why the others are not in it. */
    async summary(scope: CampaignScope) {
      requireLevel(scope, 'export')
      return exportSummary(db, scope.campaignId)
    },

    async csv(scope: CampaignScope, encoding: PayrollCsvEncoding) {
      requireLevel(scope, 'export')
      const prepared = await prepare(scope.companyId, scope.campaignId)
      const { layout, values } = prepared
      const format = payrollCsvFormat(layout.columns.map((c) => c.header))
      const encoded = format.file(
        values.map((v) => csvRecord(layout, v)),
        encoding,
      )
      await record(scope, { format: 'csv', encoding, lossyCharacters: encoded.lossyCharacters }, prepared)
      return { bytes: Buffer.from(encoded.bytes), lossyCharacters: encoded.lossyCharacters }
    },

    /** The workbook as a stream; its rows are written as it is sent. */
    async xlsx(scope: CampaignScope): Promise<Readable> {
      requireLevel(scope, 'export')
      const prepared = await prepare(scope.companyId, scope.campaignId)
      const { layout, values } = prepared
      await record(scope, { format: 'xlsx' }, prepared)
      const rows = (function* () {
        for (const v of values) yield xlsxRow(layout, v)
      })()
      return xlsxWorkbook(PAYROLL_SHEET_NAME, xlsxColumns(layout), rows)
    },
  }
}
export type PayrollExport = ReturnType<typeof createPayrollExport>
