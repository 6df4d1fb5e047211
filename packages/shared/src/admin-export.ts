/**
 * Export for payroll: approved, not disposed persons of a campaign as CSV
 * (`GET …/exports/payroll.csv?encoding=`) or as an Excel workbook (`…/payroll.xlsx`), in the
 * column layout the company saved (`GET/PUT /api/admin/companies/:companyId/exports/layout`),
 * and their submitted images as a ZIP with a manifest (`GET …/exports/documents.zip`).
 * `GET …/exports/summary` says how many persons a file holds and why the others are left out.
 * Administrators, or operators allowed to export (ADR 013, ADR 046).
 */
import { z } from 'zod'
import { DATE_FORMATS } from './japanese-date.ts'
import { plainText } from './text.ts'

export const PAYROLL_CSV_ENCODINGS = ['utf-8', 'shift_jis'] as const
export const payrollCsvQuerySchema = z.object({ encoding: z.enum(PAYROLL_CSV_ENCODINGS).default('utf-8') })
export type PayrollCsvEncoding = (typeof PAYROLL_CSV_ENCODINGS)[number]

/**
 * Every column a payroll file can hold, with its default header. 続柄 is the text as stored (the
 * list's label the wizard's choice stores, HR's import as written, or what employees typed before
 * the wizard offered a list), 続柄名 and 続柄コード the shared list's (relationships.ts).
 * 世帯連番: the employee 0, dependents 1, 2, … by when they were added, kept when a dependent is
 * left out of a file (not approved, disposed), so a number always means the same person.
 */
export const PAYROLL_COLUMNS = {
  employeeNumber: { header: '社員番号', kind: 'text' },
  householdSequence: { header: '世帯連番', kind: 'number' },
  name: { header: '氏名', kind: 'text' },
  kana: { header: 'フリガナ', kind: 'text' },
  birthDate: { header: '生年月日', kind: 'date' },
  relationshipCode: { header: '続柄コード', kind: 'text' },
  relationshipLabel: { header: '続柄名', kind: 'text' },
  relationship: { header: '続柄', kind: 'text' },
  myNumber: { header: '個人番号', kind: 'text' },
  numberDocument: { header: '番号確認書類', kind: 'text' },
  identityDocuments: { header: '身元確認書類', kind: 'text' },
  approvedOn: { header: '承認日', kind: 'date' },
} as const satisfies Record<string, { header: string; kind: 'text' | 'number' | 'date' }>
export type PayrollColumnKey = keyof typeof PAYROLL_COLUMNS
export const PAYROLL_COLUMN_KEYS = Object.keys(PAYROLL_COLUMNS) as [PayrollColumnKey, ...PayrollColumnKey[]]

export const PAYROLL_HEADER_MAX = 40

const unique = (values: readonly string[]) => new Set(values).size === values.length

/**
 * A company's payroll file: which columns in which order under which header, and how dates are
 * written. `datesAsText`: in the workbook, dates as text cells in that format (payroll imports
 * that read text), or as date cells shown in it (era dates are always text).
 */
export const payrollLayoutSchema = z.object({
  columns: z
    .array(z.object({ key: z.enum(PAYROLL_COLUMN_KEYS), header: plainText(PAYROLL_HEADER_MAX) }))
    .min(1)
    .max(PAYROLL_COLUMN_KEYS.length)
    .refine((columns) => unique(columns.map((c) => c.key)), '同じ項目は一度だけ選べます')
    .refine((columns) => unique(columns.map((c) => c.header)), '見出しが重複しています'),
  dateFormat: z.enum(DATE_FORMATS),
  datesAsText: z.boolean(),
})
export type PayrollLayout = z.infer<typeof payrollLayoutSchema>

/** `isDefault`: nothing saved for the company, the 標準 preset applies. */
export const payrollLayoutResponseSchema = z.object({ layout: payrollLayoutSchema, isDefault: z.boolean() })
export type PayrollLayoutResponse = z.infer<typeof payrollLayoutResponseSchema>

const layout = (keys: readonly PayrollColumnKey[], dateFormat: PayrollLayout['dateFormat'] = 'iso'): PayrollLayout => ({
  columns: keys.map((key) => ({ key, header: PAYROLL_COLUMNS[key].header })),
  dateFormat,
  datesAsText: true,
})

/** Starting points for a layout. Generic: none claims to be any payroll product's import format. */
export const PAYROLL_PRESETS = [
  {
    id: 'standard',
    label: '標準（これまでの形式）',
    layout: layout(['employeeNumber', 'name', 'kana', 'birthDate', 'relationship', 'myNumber', 'numberDocument', 'identityDocuments', 'approvedOn']),
  },
  { id: 'all', label: 'すべての項目', layout: layout(PAYROLL_COLUMN_KEYS) },
  { id: 'minimal', label: '最小（社員番号・氏名・続柄コード・個人番号）', layout: layout(['employeeNumber', 'name', 'relationshipCode', 'myNumber']) },
  {
    id: 'household',
    label: '扶養親族の一覧（世帯連番・和暦）',
    layout: layout(['employeeNumber', 'householdSequence', 'name', 'kana', 'relationshipCode', 'relationshipLabel', 'birthDate', 'myNumber'], 'era'),
  },
] as const satisfies readonly { id: string; label: string; layout: PayrollLayout }[]

/** What a company exports until it saves a layout: the file as it always was. */
export const DEFAULT_PAYROLL_LAYOUT: PayrollLayout = PAYROLL_PRESETS[0].layout

export const PAYROLL_CSV_COLUMNS = ['社員番号', '氏名', 'フリガナ', '生年月日', '続柄', '個人番号', '番号確認書類', '身元確認書類', '承認日'] as const

/** Shift_JIS only: how many characters became '?' (the UTF-8 file keeps them). */
export const LOSSY_CHARACTERS_HEADER = 'x-bango-lossy-characters'

/**
 * Who a payroll file holds and why the others of the campaign are not in it, in persons
 * (employees and dependents). `withoutNumber` are in the file with an empty 個人番号.
 */
export const exportSummarySchema = z.object({
  exported: z.number().int(),
  withoutNumber: z.number().int(),
  left: z.object({
    /** Not yet sent with 「完了」. */
    notSubmitted: z.number().int(),
    /** Sent, not yet approved. */
    inReview: z.number().int(),
    /** Sent back, waiting for the employee. */
    returned: z.number().int(),
    /** 対象外: the employee said this person has no documents to give. */
    notApplicable: z.number().int(),
    disposed: z.number().int(),
  }),
})
export type ExportSummary = z.infer<typeof exportSummarySchema>

export const DOCUMENTS_MANIFEST_COLUMNS = ['パス', '社員番号', '氏名', '続柄', '書類', '面', '承認日', 'SHA-256'] as const
export const DOCUMENTS_MANIFEST_NAME = 'manifest.csv'
