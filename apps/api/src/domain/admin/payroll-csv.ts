/**
 * The payroll CSV: one row per approved, not disposed person, with HR's recorded number
 * decrypted into 個人番号 (empty when none was recorded). The file is the only place the
 * number goes: never a log line, never the audit detail (ids, counts and the encoding only).
 */
import { PAYROLL_CSV_COLUMNS, type PayrollCsvEncoding } from '@bango/shared/admin-export'
import { csvLine, encodeShiftJis, encodeUtf8WithBom } from '@bango/shared/csv'
import type { Db } from '../../db/types.ts'
import { type AuditLog, byOperator } from '../audit.ts'
import type { OperatorIdentity } from './access.ts'
import { type ExportedPerson, approvalDate, documentTypeLabel, exportedPersons } from './export-records.ts'
import type { NumberSealing } from './number-sealing.ts'

function row({ person, employeeNumber, registration }: ExportedPerson, number: string): string[] {
  return [
    employeeNumber,
    person.name,
    person.kana,
    person.birthDate.toISOString().slice(0, 10),
    person.relationship,
    number,
    registration ? documentTypeLabel(registration.numberDocument.type) : '',
    registration?.identity?.documents.map((d) => documentTypeLabel(d.type)).join('・') ?? '',
    approvalDate(person.reviewedAt),
  ]
}

export function createPayrollCsv(db: Db, sealing: NumberSealing, audit: AuditLog) {
  return {
    /** `companyId` is the campaign's, from access.campaign(…, 'export'). */
    async export(operator: OperatorIdentity, companyId: string, campaignId: string, encoding: PayrollCsvEncoding) {
      const persons = await exportedPersons(db, campaignId)
      let withoutNumber = 0
      const lines = [csvLine(PAYROLL_CSV_COLUMNS)]
      for (const entry of persons) {
        const number = entry.person.myNumber ? sealing.open('hr', entry.person.id, entry.person.myNumber) : ''
        if (!number) withoutNumber += 1
        lines.push(csvLine(row(entry, number)))
      }
      const text = lines.join('')
      const encoded = encoding === 'shift_jis' ? encodeShiftJis(text) : { bytes: encodeUtf8WithBom(text), lossyCharacters: 0 }
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
