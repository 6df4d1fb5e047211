/**
 * HR's record of a person's 12-digit number: typed twice (double entry), read by OCR as a
 * suggestion, shown masked, revealed on request (audited). No response carries the number
 * except the reveal; no request carries it in a URL.
 */
import { z } from 'zod'
import { myNumberSchema } from './employee-api.ts'

/**
 * One entry of the double entry. The first is held (never shown back); the second — by another
 * operator, or by the same operator in a new request with `confirm: true` — must match it.
 */
export const numberEntryRequestSchema = z.object({
  number: myNumberSchema,
  confirm: z.boolean().default(false),
})
export type NumberEntryRequest = z.input<typeof numberEntryRequestSchema>

export const NUMBER_STATES = ['none', 'pending_confirmation', 'recorded'] as const

export const numberStateSchema = z.object({
  /** `pending_confirmation`: a first entry waits for its second (a recorded number may be being corrected). */
  state: z.enum(NUMBER_STATES),
  /** `**** **** 9018` of the recorded number, null until one is recorded. */
  masked: z.string().nullable(),
  /** Whether the waiting first entry is the caller's own: then only a `confirm: true` entry completes it. */
  pendingByMe: z.boolean(),
  /** Other persons of the same company whose recorded number has the same keyed hash, named so HR can tell who. */
  duplicateOf: z.array(
    z.object({
      personId: z.uuid(),
      campaignId: z.uuid(),
      employeeId: z.uuid(),
      name: z.string(),
      /** The household's 社員番号. */
      employeeNumber: z.string().nullable(),
      campaignName: z.string(),
    }),
  ),
  /** The employee's own typed number against HR's: `none` when either is missing. */
  employeeEntry: z.enum(['none', 'matches', 'differs']),
  recordedAt: z.iso.datetime().nullable(),
  /** How the recorded number was obtained: typed twice, or an agreement confirmed once (ADR 043). */
  method: z.enum(['double_entry', 'agreement']).nullable(),
  /**
   * Two independent sources agree on one number: the read at upload and the employee's own
   * entry, or reads of two different photos. Null when they do not, or there is only one.
   */
  agreement: z.enum(['read_and_employee', 'two_reads']).nullable(),
  /** The company records an agreement on one operator's confirmation (else a second operator types it). */
  acceptsAgreement: z.boolean(),
  /** The person's submitted number-document images, the sides that carry the number first: what HR types from. */
  images: z.array(z.object({ documentId: z.uuid(), type: z.string(), side: z.enum(['front', 'back']), carriesNumber: z.boolean() })),
})
export type NumberStateResponse = z.infer<typeof numberStateSchema>

/**
 * The OCR's reading of the person's number document — a suggestion only, never saved — and,
 * beside it, the number the employee typed when the campaign asked for it: HR compares both
 * with the image.
 */
export const numberOcrResponseSchema = z.object({
  suggestion: z
    .string()
    .regex(/^\d{12}$/)
    .nullable(),
  employeeEntry: z
    .string()
    .regex(/^\d{12}$/)
    .nullable(),
})
export type NumberOcrResponse = z.infer<typeof numberOcrResponseSchema>

/** 「一致を確認して記録する」: the number the operator saw beside the image, which must be the agreed one. */
export const numberAgreementRequestSchema = z.object({ number: myNumberSchema })
export type NumberAgreementRequest = z.input<typeof numberAgreementRequestSchema>

export const numberRevealResponseSchema = z.object({ number: z.string().regex(/^\d{12}$/) })
export type NumberRevealResponse = z.infer<typeof numberRevealResponseSchema>
