/**
 * The payroll CSV: one row per approved, not disposed person, with HR's recorded number
 * decrypted into 個人番号 (empty when none was recorded). The file is the only place the
 * number goes: never a log line, never the audit detail (ids, counts and the encoding only).
 */
import type { PayrollCsvEncoding } from '@bango/shared/admin-export'
import { type CsvRow, PAYROLL_CSV } from '@bango/shared/csv-formats'
import type { Db } from '../../db/types.ts'
import { type AuditLog, byOperator } from '../audit.ts'
import type { OperatorIdentity } from './access.ts'
import { type ExportedPerson, approvalDate, documentTypeLabel, exportedPersons } from './export-records.ts'
import type { NumberSealing } from './number-sealing.ts'

function row({ person, employeeNumber, registration }: ExportedPerson, number: string): CsvRow<typeof PAYROLL_CSV.columns> {
  return {
    社員番号: employeeNumber,
    氏名: person.name,
    フリガナ: person.kana,
    生年月日: person.birthDate.toISOString().slice(0, 10),
    続柄: person.relationship,
    個人番号: number,
    番号確認書類: registration ? documentTypeLabel(registration.numberDocument.type) : '',
    身元確認書類: registration?.identity?.documents.map((d) => documentTypeLabel(d.type)).join('・') ?? '',
    承認日: approvalDate(person.reviewedAt),
  }
}

export function createPayrollCsv(db: Db, sealing: NumberSealing, audit: AuditLog) {
  return {
    /** `companyId` is the campaign's, from access.campaign(…, 'export'). */
    async export(operator: OperatorIdentity, companyId: string, campaignId: string, encoding: PayrollCsvEncoding) {
      const persons = await exportedPersons(db, campaignId)
      let withoutNumber = 0
      const rows = persons.map((entry) => {
        const number = entry.person.myNumber ? sealing.open('hr', entry.person.id, entry.person.myNumber) : ''
        if (!number) withoutNumber += 1
        return row(entry, number)
      })
      const encoded = PAYROLL_CSV.file(rows, encoding)
      await audit.record({
        ...byOperator(operator, companyId),
        action: 'export.payroll_csv',
        targetId: campaignId,
        detail: {
          encoding,
          persons: persons.length,
          withoutNumber,
          lossyCharacters: encoded.lossyCharacters,
          personIds: persons.map((p) => p.person.id),
        },
      })
      return { bytes: Buffer.from(encoded.bytes), lossyCharacters: encoded.lossyCharacters }
    },
  }
}
export type PayrollCsv = ReturnType<typeof createPayrollCsv>
