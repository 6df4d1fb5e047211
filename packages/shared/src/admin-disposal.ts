/**
 * Disposal (廃棄) in the console: dispose of a person or a closed campaign, the dry run of the
 * retention job, and the disposal records. Never a number, never an image: kinds and counts.
 */
import { z } from 'zod'
import { plainText } from './text.ts'

/** Why the documents are destroyed, as the record keeps it. */
export const disposeRequestSchema = z.object({ reason: plainText(200) })
export type DisposeRequest = z.infer<typeof disposeRequestSchema>

export const disposalTriggerSchema = z.enum(['person', 'campaign', 'retention'])
export type DisposalTrigger = z.infer<typeof disposalTriggerSchema>

export const disposeResponseSchema = z.object({
  /** Persons disposed of by this request (already disposed ones are not counted again). */
  persons: z.number().int(),
  images: z.number().int(),
})
export type DisposeResponse = z.infer<typeof disposeResponseSchema>

const operatorRefSchema = z.object({ id: z.uuid(), name: z.string() })

/** An administrator shortened the retention period: the retention job keeps the longer one until `effectiveAt`. */
export const retentionShorteningSchema = z.object({
  id: z.uuid(),
  fromMonths: z.number().int(),
  toMonths: z.number().int(),
  changedAt: z.iso.datetime(),
  changedBy: operatorRefSchema,
  /** The end of the grace period: the first moment the shorter period destroys anything. */
  effectiveAt: z.iso.datetime(),
})
export type RetentionShortening = z.infer<typeof retentionShorteningSchema>

export const disposalRecordSchema = z.object({
  id: z.uuid(),
  campaignId: z.uuid(),
  campaignName: z.string(),
  personId: z.uuid(),
  /** The tombstone's name, the household's 社員番号 and relationship: who it was, for the record. */
  personName: z.string(),
  employeeNumber: z.string().nullable(),
  relationship: z.string(),
  disposedAt: z.iso.datetime(),
  /** null: the retention job. */
  disposedBy: operatorRefSchema.nullable(),
  trigger: disposalTriggerSchema,
  reason: z.string(),
  /** The retention job's records: the shortened retention period that caused it, or null when the period ended as first set. */
  cause: retentionShorteningSchema
    .omit({ effectiveAt: true })
    .extend({ kind: z.literal('retention-shortened') })
    .nullable(),
  /** e.g. `number:my_number_card`, `identity:passport`, `employee_entered_number`. */
  documentKinds: z.array(z.string()),
  imageCount: z.number().int(),
})
export type DisposalRecord = z.infer<typeof disposalRecordSchema>

export const disposalsQuerySchema = z.object({
  /** Opaque: the `nextCursor` of the previous page. */
  cursor: z.string().max(200).optional(),
  /** Part of 氏名 or フリガナ, or the start of the household's 社員番号. */
  q: z.string().trim().min(1).max(100).optional(),
  campaignId: z.uuid().optional(),
})
export type DisposalsQuery = z.infer<typeof disposalsQuerySchema>
/** The CSV of the records: the same search, every page. */
export const disposalsCsvQuerySchema = disposalsQuerySchema.omit({ cursor: true })
export type DisposalsCsvQuery = z.infer<typeof disposalsCsvQuerySchema>

export const DISPOSAL_RECORDS_CSV_COLUMNS = [
  '廃棄日時',
  '収集依頼',
  '氏名',
  '社員番号',
  '続柄',
  '契機',
  '廃棄した担当者',
  '理由',
  '書類',
  '画像の枚数',
  '対象者 ID',
] as const

export const disposalsResponseSchema = z.object({
  records: z.array(disposalRecordSchema),
  /** null on the last page. */
  nextCursor: z.string().nullable(),
})
export type DisposalsResponse = z.infer<typeof disposalsResponseSchema>

export const DISPOSALS_PAGE_SIZE = 50

const previewPersonSchema = z.object({
  personId: z.uuid(),
  employeeId: z.uuid(),
  name: z.string(),
  employeeNumber: z.string().nullable(),
  relationship: z.string(),
  /** The employee's 完了. */
  submittedAt: z.iso.datetime(),
  /** The period's first day: 11 January after the year of 完了 or of the 退職日, whichever is later (ADR 049). */
  retentionStartsOn: z.iso.date(),
  /** When the retention period ended. */
  expiredAt: z.iso.datetime(),
  imageCount: z.number().int(),
})

/** What the next automatic run would destroy in one campaign, and what each pending shortening will add when its grace period ends. */
export const disposalPreviewResponseSchema = z.object({
  retentionMonths: z.number().int(),
  persons: z.array(previewPersonSchema),
  totalImages: z.number().int(),
  shortenings: z.array(retentionShorteningSchema.extend({ persons: z.array(previewPersonSchema) })),
})
export type DisposalPreviewResponse = z.infer<typeof disposalPreviewResponseSchema>
