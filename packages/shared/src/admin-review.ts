/**
 * HR's review of a submission (承認 / 差し戻し): the request and response shapes of
 * /api/admin/campaigns/:campaignId/employees/:employeeId/submission and its actions. The
 * reasons and review states themselves are in review.ts (the employee API shows them too).
 */
import { z } from 'zod'
import { personIdentitySchema, registrationSchema } from './employee-api.ts'
import { RETURN_NOTE_MAX, personReviewSchema, returnReasonSchema } from './review.ts'
import { hasControlCharacter } from './text.ts'

/** 差し戻し: a reason from the list; a note is required for その他 and optional otherwise. */
export const returnPersonRequestSchema = z
  .object({
    reason: returnReasonSchema,
    note: z
      .string()
      .trim()
      .max(RETURN_NOTE_MAX)
      .refine((value) => !hasControlCharacter(value), '制御文字は使えません')
      .optional(),
  })
  .transform(({ reason, note }) => ({ reason, note: note ? note : null }))
  .refine((request) => request.reason !== 'other' || request.note !== null, { path: ['note'], message: 'その他の場合は理由を書いてください' })
export type ReturnPersonRequest = z.input<typeof returnPersonRequestSchema>
export type ReturnDecision = z.output<typeof returnPersonRequestSchema>

/** How the employee learns of the 差し戻し: an e-mail is on its way, or HR tells them on paper. */
export const returnPersonResponseSchema = personReviewSchema.extend({ notice: z.enum(['email', 'paper']) })
export type ReturnPersonResponse = z.infer<typeof returnPersonResponseSchema>

export const submittedImageSchema = z.object({
  id: z.uuid(),
  role: z.enum(['number', 'identity']),
  slot: z.number().int(),
  side: z.enum(['front', 'back']),
  type: z.string(),
  width: z.number().int(),
  height: z.number().int(),
})
export type SubmittedImage = z.infer<typeof submittedImageSchema>

export const reviewPersonSchema = personIdentitySchema.extend({
  /** As the employee left it: a returned person is `pending` until they register again. */
  status: z.enum(['pending', 'registered', 'not_applicable']),
  /** The document choices of the current registration (null while returned and not redone, or 対象外). */
  registration: registrationSchema.nullable(),
  /** The SUBMITTED images only (never a draft). */
  images: z.array(submittedImageSchema),
  review: personReviewSchema,
})
export type ReviewPerson = z.infer<typeof reviewPersonSchema>

export const submissionReviewResponseSchema = z.object({
  employeeId: z.uuid(),
  submittedAt: z.iso.datetime(),
  persons: z.array(reviewPersonSchema),
})
export type SubmissionReviewResponse = z.infer<typeof submissionReviewResponseSchema>

/**
 * The review queue of a campaign: the households whose 完了 submission still has work for HR —
 * persons to approve, or numbers to record — oldest submission first. What 「次の従業員」 walks.
 */
export const reviewQueueSchema = z.object({
  households: z.array(
    z.object({
      employeeId: z.uuid(),
      name: z.string(),
      employeeNumber: z.string().nullable(),
      submittedAt: z.iso.datetime(),
      /** Persons registered or 対象外 with a pending review (a 差し戻し waiting for the employee is not HR's work). */
      toReview: z.number().int(),
      /** Registered persons without a recorded number. */
      toRecord: z.number().int(),
    }),
  ),
})
export type ReviewQueue = z.infer<typeof reviewQueueSchema>

/** 「世帯をまとめて承認」: how many persons this approved (those already approved, returned or 対象外 are left as they are). */
export const householdApprovalSchema = z.object({ approved: z.number().int() })
export type HouseholdApproval = z.infer<typeof householdApprovalSchema>
