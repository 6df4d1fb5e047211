/**
 * Records an auditor reads on paper (ADR 047): a campaign's 取扱記録 (who handled which persons'
 * documents and numbers, when, what — from the audit log), its 廃棄証明 (what was disposed of,
 * by whom, when, why — from the disposal records), and the access report for a 漏えい等 report
 * (who viewed or exported which persons in a time window).
 */
import { z } from 'zod'
import { auditEventSchema } from './admin-audit.ts'
import { disposalTriggerSchema } from './admin-disposal.ts'
import { DOCUMENT_TYPE_LABELS } from './documents.ts'

/** The handling actions a 取扱記録 lists: the persons' documents and numbers, their review, export and disposal. */
export const HANDLING_ACTIONS = [
  'document.viewed',
  'number.ocr_read',
  'number.entry_held',
  'number.entry_mismatch',
  'number.recorded',
  'number.revealed',
  'person.approved',
  'person.returned',
  'person.disposed',
  'export.payroll_csv',
  'export.documents_zip',
  'campaign.disposed',
] as const

/** A 取扱記録 lists at most this many events (the oldest first); `truncated` says when there were more. */
export const HANDLING_RECORD_LIMIT = 5000

const campaignHeadSchema = z.object({
  companyName: z.string(),
  campaignId: z.uuid(),
  campaignName: z.string(),
  campaignCreatedAt: z.iso.datetime(),
  campaignClosedAt: z.iso.datetime().nullable(),
  /** When the record was produced. */
  producedAt: z.iso.datetime(),
})

export const handlingRecordResponseSchema = campaignHeadSchema.extend({
  /** The first and last event listed (null: none). */
  from: z.iso.datetime().nullable(),
  to: z.iso.datetime().nullable(),
  events: z.array(auditEventSchema),
  truncated: z.boolean(),
})
export type HandlingRecordResponse = z.infer<typeof handlingRecordResponseSchema>

/** One disposal: the records of one trigger, operator, reason and day, counted. */
export const disposalCertificateEntrySchema = z.object({
  disposedFrom: z.iso.datetime(),
  disposedTo: z.iso.datetime(),
  trigger: disposalTriggerSchema,
  /** null: the retention job. */
  disposedBy: z.string().nullable(),
  reason: z.string(),
  /** Persons whose documents (images or a typed number) existed, and their images. */
  persons: z.number().int(),
  images: z.number().int(),
  /** Persons disposed of with nothing to destroy (never submitted). */
  withoutDocuments: z.number().int(),
})

export const disposalCertificatePersonSchema = z.object({
  name: z.string(),
  /** The household's 社員番号. */
  employeeNumber: z.string().nullable(),
  relationship: z.string(),
  disposedAt: z.iso.datetime(),
  documentKinds: z.array(z.string()),
  imageCount: z.number().int(),
})

export const disposalCertificateResponseSchema = campaignHeadSchema.extend({
  entries: z.array(disposalCertificateEntrySchema),
  /** Only the persons whose documents existed; the others are counted in `withoutDocuments`. */
  persons: z.array(disposalCertificatePersonSchema),
  totals: z.object({ persons: z.number().int(), images: z.number().int(), withoutDocuments: z.number().int() }),
})
export type DisposalCertificateResponse = z.infer<typeof disposalCertificateResponseSchema>

/** The disposal triggers in words, as the console's disposal screens say them. */
export const DISPOSAL_TRIGGER_LABELS = { person: '個別', campaign: '収集依頼ごと', retention: '保存期間の終了' } as const

/** A disposal record's document kind in words: 「マイナンバーカード（番号確認）」, 「パスポート（身元確認）」. */
export function documentKindText(kind: string): string {
  if (kind === 'employee_entered_number') return '従業員が入力した番号'
  const [role, type = ''] = kind.split(':')
  const label = (DOCUMENT_TYPE_LABELS as Record<string, string>)[type] ?? type
  if (role === 'number') return `${label}（番号確認）`
  if (role === 'identity') return `${label}（身元確認）`
  return kind
}

/** What an access report lists: views of images, numbers shown or read, and exports of persons' data. */
export const ACCESS_ACTIONS = ['document.viewed', 'number.revealed', 'number.ocr_read', 'export.payroll_csv', 'export.documents_zip'] as const
export const ACCESS_REPORT_LIMIT = 20_000

/** A time window (from inclusive, to exclusive) and optionally one operator. */
export const accessReportQuerySchema = z.object({
  from: z.iso.datetime({ offset: true }),
  to: z.iso.datetime({ offset: true }),
  operatorId: z.uuid().optional(),
})
export type AccessReportQuery = z.infer<typeof accessReportQuerySchema>

export const accessReportResponseSchema = z.object({
  companyName: z.string(),
  from: z.iso.datetime({ offset: true }),
  to: z.iso.datetime({ offset: true }),
  operatorId: z.uuid().nullable(),
  producedAt: z.iso.datetime(),
  events: z.array(auditEventSchema),
  /** The persons an export's `personIds` name (all of them, not only the first few). */
  exported: z.record(z.string(), z.object({ name: z.string(), employeeNumber: z.string().nullable() })),
  truncated: z.boolean(),
})
export type AccessReportResponse = z.infer<typeof accessReportResponseSchema>

export const ACCESS_REPORT_CSV_COLUMNS = ['日時', '操作者', '操作者のメールアドレス', '操作', '対象者', '社員番号', '内容', '件数'] as const
