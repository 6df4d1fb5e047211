/**
 * HR's review of a submitted person (承認 / 差し戻し), as both audiences see it: the return
 * reasons — one list, one wording, shown alike by the console and the employee SPA — and a
 * person's review state.
 */
import { z } from 'zod'

export const RETURN_REASONS = ['blurry', 'wrong_document', 'number_unreadable', 'insurance_not_masked', 'other'] as const
export const returnReasonSchema = z.enum(RETURN_REASONS)
export type ReturnReason = z.infer<typeof returnReasonSchema>

/** The seed's wording; the employee reads exactly what HR chose. */
export const RETURN_REASON_LABELS: Record<ReturnReason, string> = {
  blurry: 'ぼやけている',
  wrong_document: '書類の種類が違う',
  number_unreadable: '番号が読めない',
  insurance_not_masked: '健康保険証の記号・番号が隠れていない',
  other: 'その他',
}

export const RETURN_NOTE_MAX = 200

export const REVIEW_STATUSES = ['pending', 'approved', 'returned'] as const
export const reviewStatusSchema = z.enum(REVIEW_STATUSES)
export type ReviewStatus = z.infer<typeof reviewStatusSchema>

/** Where one person stands in HR's review; `reason`/`note` only while returned. */
export const personReviewSchema = z.object({
  status: reviewStatusSchema,
  reason: returnReasonSchema.nullable(),
  note: z.string().nullable(),
  reviewedAt: z.iso.datetime().nullable(),
})
export type PersonReview = z.infer<typeof personReviewSchema>
