/**
 * What a payroll file holds, in a company's layout: one record per exported person with every
 * column's value, then the chosen columns as CSV records (dates written in the chosen format) or
 * workbook cells (text, numbers, dates). The number is decrypted by the caller.
 */
import { PAYROLL_COLUMNS, type PayrollColumnKey, type PayrollLayout } from '@bango/shared/admin-export'
import { formatDate } from '@bango/shared/japanese-date'
import { relationshipOf, SELF } from '@bango/shared/relationships'
import type { XlsxCell, XlsxColumn } from '../../lib/xlsx.ts'
import { type ExportedPerson, approvalDate, documentTypeLabel } from './export-records.ts'

/** Every column's value; dates as `YYYY-MM-DD` (or empty). */
export type PayrollValues = Omit<Record<PayrollColumnKey, string>, 'householdSequence'> & { householdSequence: number }

export function payrollValues({ person, employeeNumber, registration, householdSequence }: ExportedPerson, number: string): PayrollValues {
  const relationship = person.kind === 'EMPLOYEE' ? SELF : relationshipOf(person.relationship)
  return {
    employeeNumber,
    householdSequence,
    name: person.name,
    kana: person.kana,
    birthDate: person.birthDate.toISOString().slice(0, 10),
    relationshipCode: relationship.code,
    relationshipLabel: relationship.label,
    relationship: person.relationship,
    myNumber: number,
    numberDocument: registration ? documentTypeLabel(registration.numberDocument.type) : '',
    identityDocuments: registration?.identity?.documents.map((d) => documentTypeLabel(d.type)).join('・') ?? '',
    approvedOn: approvalDate(person.reviewedAt),
  }
}

/** One CSV record under the layout's headers. */
export function csvRecord(layout: PayrollLayout, values: PayrollValues): Record<string, string> {
  return Object.fromEntries(
    layout.columns.map(({ key, header }) => {
      const value = values[key]
      return [header, PAYROLL_COLUMNS[key].kind === 'date' ? formatDate(String(value), layout.dateFormat) : String(value)]
    }),
  )
}

/** Characters wide enough for the header and the column's usual values. */
const WIDTHS: Record<PayrollColumnKey, number> = {
  employeeNumber: 12,
  householdSequence: 10,
  name: 18,
  kana: 22,
  birthDate: 16,
  relationshipCode: 12,
  relationshipLabel: 12,
  relationship: 12,
  myNumber: 16,
  numberDocument: 20,
  identityDocuments: 24,
  approvedOn: 16,
}

/** Dates as date cells, unless written as text or in the era (which no date format of every Excel shows alike). */
const dateCells = (layout: PayrollLayout) => !layout.datesAsText && layout.dateFormat !== 'era'

export function xlsxColumns(layout: PayrollLayout): XlsxColumn[] {
  return layout.columns.map(({ key, header }) => {
    const kind = PAYROLL_COLUMNS[key].kind
    const width = Math.max(WIDTHS[key], [...header].length * 2 + 2)
    if (kind === 'number') return { header, width }
    if (kind === 'date' && dateCells(layout)) return { header, width, dateFormat: layout.dateFormat === 'slash' ? 'yyyy/mm/dd' : 'yyyy-mm-dd' }
    return { header, width, text: true }
  })
}

export function xlsxRow(layout: PayrollLayout, values: PayrollValues): XlsxCell[] {
  return layout.columns.map(({ key }) => {
    const kind = PAYROLL_COLUMNS[key].kind
    if (kind === 'number') return values.householdSequence
    if (kind === 'date') return dateCells(layout) ? { date: String(values[key]) } : formatDate(String(values[key]), layout.dateFormat)
    return String(values[key])
  })
}
