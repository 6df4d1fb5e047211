/**
 * Request and response shapes of the employee API (`/api/employee/*`), parsed by the API
 * and by the SPA alike.
 */
import { z } from 'zod'
import { plainText, rawText } from './text.ts'
import { IDENTITY_DOCUMENT_TYPES, NUMBER_DOCUMENT_TYPES } from './documents.ts'
import { fieldError } from './field-errors.ts'
import { LANGUAGE_CODES } from './languages.ts'
import { isValidMyNumber, normalizeMyNumber } from './my-number.ts'
import { purposeTranslationsSchema } from './purposes.ts'
import { DEPENDENT_RELATIONSHIP_CODES } from './relationships.ts'
import { personReviewSchema } from './review.ts'

export const loginRequestSchema = z.object({
  token: rawText(200),
  password: rawText(200),
})
export type LoginRequest = z.infer<typeof loginRequestSchema>

export const sessionResponseSchema = z.object({
  accessToken: z.string(),
  expiresAt: z.iso.datetime(),
})
export type SessionResponse = z.infer<typeof sessionResponseSchema>

/** Who is asking, before sign-in: `POST /api/employee/link` with the URL token (never in a URL). */
export const linkRequestSchema = z.object({ token: rawText(200) })
export const linkResponseSchema = z.object({
  companyName: z.string(),
  /** 問い合わせ先 set on the campaign, or null. */
  contact: z.string().nullable(),
  /** HR closed the campaign (受付の終了): said before sign-in, where nothing new can be sent. */
  closed: z.boolean(),
  /**
   * The link is in a batch HR has not yet marked as handed out (ADR 039): it works once HR does.
   * Said before sign-in, so that the printed password is not taken for a wrong one.
   */
  pending: z.boolean(),
  /**
   * The employee's records were disposed of (廃棄): the link leads to this notice only, and no
   * sign-in. What happened, as it happened: when, by HR's decision or at the end of the
   * retention period, and whether anything had been submitted.
   */
  disposal: z
    .object({
      at: z.iso.datetime(),
      by: z.enum(['company', 'retention']),
      submitted: z.boolean(),
    })
    .nullable(),
})
export type LinkResponse = z.infer<typeof linkResponseSchema>

export const meResponseSchema = z.object({
  employeeName: z.string(),
  companyName: z.string(),
  campaign: z.object({
    name: z.string(),
    /** 問い合わせ先 set by HR, or null. */
    contact: z.string().nullable(),
    purposes: z.array(z.string()),
    /** HR's wordings of the purposes per language: the wizard shows them with `purposesIn` (purposes.ts). */
    purposeTranslations: purposeTranslationsSchema,
    deadline: z.iso.datetime().nullable(),
    draftLifetimeHours: z.number().int(),
    /** The employee also types each person's 12-digit number at 「登録する」. */
    employeeEntersNumber: z.boolean(),
    /** 身元確認 by the employment relationship: the employee shows only the number document (ADR 048). */
    identityByEmployment: z.boolean(),
  }),
  consentedAt: z.iso.datetime().nullable(),
  /** The first 「完了」 (a re-submission after 差し戻し keeps it). */
  submittedAt: z.iso.datetime().nullable(),
  /** The latest 「完了」: the receipt's 提出日時. */
  lastSubmittedAt: z.iso.datetime().nullable(),
  /** The receipt's reference number, "3F2A-91BC" (@bango/shared/receipt). */
  submissionReference: z.string().nullable(),
  /** Dependents whose documents were disposed of one by one. */
  disposedPersons: z.array(z.object({ name: z.string(), disposedAt: z.iso.datetime() })),
  /** Submitted, and HR sent someone back (差し戻し): the list is open again for those persons. */
  reopened: z.boolean(),
  /** HR approved every applicable person: the submission was accepted (受理). */
  acceptedAt: z.iso.datetime().nullable(),
})
export type MeResponse = z.infer<typeof meResponseSchema>

/** One of the employee's languages (languages.ts). */
export const languageSchema = z.enum(LANGUAGE_CODES)

export const consentRequestSchema = z.object({
  /** The purposes exactly as the screen showed them, in `language`. */
  purposes: z.array(rawText(500)).min(1).max(50),
  /** The language the screen showed them in (a client that names none showed Japanese). */
  language: languageSchema.default('ja'),
})

export const personStatusSchema = z.enum(['pending', 'registered', 'not_applicable'])
export type PersonStatus = z.infer<typeof personStatusSchema>

const isoDate = z.iso.date()

/** Who a person is, as every list of persons shows them (the employee's list, HR's dashboard and review). */
export const personIdentitySchema = z.object({
  id: z.uuid(),
  kind: z.enum(['employee', 'dependent']),
  name: z.string(),
  kana: z.string(),
  relationship: z.string(),
  birthDate: isoDate,
})

export const personSchema = personIdentitySchema.extend({
  status: personStatusSchema,
  addedByEmployee: z.boolean(),
  /** The documents chosen at 「登録する」 (number document first); empty until registered. For the receipt. */
  documentTypes: z.array(z.enum([...NUMBER_DOCUMENT_TYPES, ...IDENTITY_DOCUMENT_TYPES])),
  /** HR's review once submitted; a `returned` person is `pending` again and can be redone. */
  review: personReviewSchema,
})
export type Person = z.infer<typeof personSchema>

export const personsResponseSchema = z.object({
  persons: z.array(personSchema),
  canSubmit: z.boolean(),
  submittedAt: z.iso.datetime().nullable(),
  /** Submitted, and HR sent someone back: the list is open again for exactly those persons. */
  reopened: z.boolean(),
  /** Persons not registered yet whose draft has images on the server: 入力途中 in the list. */
  inProgress: z.array(z.uuid()),
})
export type PersonsResponse = z.infer<typeof personsResponseSchema>

/** 「扶養追加」: refusals are field-error codes (field-errors.ts), which the SPA words in the employee's language. */
export const addDependentRequestSchema = z.object({
  name: plainText(100),
  /** 全角カタカナ (spaces allowed between family and given name) */
  kana: plainText(100).regex(/^[\u30A0-\u30FF\u3000 ]+$/, fieldError('kana_katakana')),
  /** The code of a dependent's 続柄 (relationships.ts), stored as its Japanese label; a literal keeps the list's order (an enum puts '10' first). */
  relationship: z.literal(DEPENDENT_RELATIONSHIP_CODES, fieldError('relationship')),
  birthDate: z.iso.date(fieldError('birth_date')).refine((value) => value >= '1900-01-01' && new Date(value) <= new Date(), fieldError('birth_date')),
})
export type AddDependentRequest = z.infer<typeof addDependentRequestSchema>

export const applicabilityRequestSchema = z.object({ applicable: z.boolean() })

export const registrationSchema = z.object({
  numberDocument: z.object({ type: z.enum(NUMBER_DOCUMENT_TYPES), hasBack: z.boolean() }),
  identity: z
    .object({
      withPhoto: z.boolean(),
      documents: z.array(z.object({ type: z.enum(IDENTITY_DOCUMENT_TYPES), hasBack: z.boolean() })).max(2),
    })
    .nullable(),
})

/**
 * 個人番号 as typed, normalised to 12 ASCII digits with a valid check digit. The message is the
 * rule's code, never the value.
 */
export const myNumberSchema = z
  .string(fieldError('my_number'))
  .max(40, fieldError('my_number'))
  .transform(normalizeMyNumber)
  .refine(isValidMyNumber, fieldError('my_number'))

/** 「登録する」: the document choices, plus the number when the campaign asks the employee for it. */
export const registerRequestSchema = registrationSchema.extend({ myNumber: myNumberSchema.optional() })

/**
 * The number read off an uploaded image (never the number itself): still being read, read,
 * unreadable (the employee is advised to retake), or no_number: a side that does not carry it.
 */
export const numberReadResponseSchema = z.object({ state: z.enum(['reading', 'read', 'unreadable', 'no_number']) })
export type NumberReadResponse = z.infer<typeof numberReadResponseSchema>

/** A typed number against what was read off the person's photos: the same, different, or nothing read to compare. */
export const numberCheckRequestSchema = z.object({ myNumber: myNumberSchema })
export const numberCheckResponseSchema = z.object({ result: z.enum(['same', 'different', 'unknown']) })
export type NumberCheckResponse = z.infer<typeof numberCheckResponseSchema>
export type RegisterRequest = z.input<typeof registerRequestSchema>

/** Multipart fields that accompany an uploaded image. */
export const imageFieldsSchema = z.object({
  role: z.enum(['number', 'identity']),
  slot: z.coerce.number().int().min(0).max(1),
  side: z.enum(['front', 'back']),
  type: z.union([z.enum(NUMBER_DOCUMENT_TYPES), z.enum(IDENTITY_DOCUMENT_TYPES)]),
})
export type ImageFields = z.infer<typeof imageFieldsSchema>

export const imageResponseSchema = z.object({
  id: z.uuid(),
  role: z.enum(['number', 'identity']),
  slot: z.number().int(),
  side: z.enum(['front', 'back']),
  width: z.number().int(),
  height: z.number().int(),
})

/**
 * `GET /persons/:personId/draft`: the images already sent for a person still being done, so a
 * reload, a new tab or a new login continues where the employee was (never the pixels: each
 * thumbnail is its own request).
 */
export const draftResponseSchema = z.object({
  images: z.array(
    z.object({
      id: z.uuid(),
      role: z.enum(['number', 'identity']),
      slot: z.number().int().min(0).max(1),
      side: z.enum(['front', 'back']),
      type: z.union([z.enum(NUMBER_DOCUMENT_TYPES), z.enum(IDENTITY_DOCUMENT_TYPES)]),
      /** On a front: the employee said this document has no back (「うら面はありません」). */
      backAbsent: z.boolean(),
    }),
  ),
})
/** 「うら面はありません」 (or taking it back) for the document whose front is in this place of the draft. */
export const backAbsenceRequestSchema = z.object({
  role: z.enum(['number', 'identity']),
  slot: z.number().int().min(0).max(1),
  absent: z.boolean(),
})
export type BackAbsenceRequest = z.infer<typeof backAbsenceRequestSchema>

export type DraftResponse = z.infer<typeof draftResponseSchema>
export type DraftImage = DraftResponse['images'][number]

/** Long edge of the thumbnail of a draft image the employee gets back (enough to recognise it, not to read it at full size). */
export const DRAFT_THUMBNAIL_EDGE = 480

export const submissionResponseSchema = z.object({
  /** The first 「完了」. */
  submittedAt: z.iso.datetime(),
  /** This 「完了」 (later than the first after 差し戻し). */
  lastSubmittedAt: z.iso.datetime(),
  /** The receipt's reference number. */
  reference: z.string(),
})
export type SubmissionResponse = z.infer<typeof submissionResponseSchema>

/** Caps on what one employee can create (nobody has more; a script could). */
export const EMPLOYEE_LIMITS = {
  /** Dependents per employee, pre-registered by HR or added with 「扶養追加」. */
  maxDependents: 20,
  /** Live 「スマートフォンで続ける」 codes per login: a new one retires the oldest. */
  liveHandoffCodes: 3,
} as const

/** Upload limits, shared so the SPA can refuse early with the same numbers. */
export const IMAGE_LIMITS = {
  maxBytes: 15 * 1024 * 1024,
  /** A 24-megapixel phone photo with room to spare; the SPA sends ~2000 px anyway. */
  maxPixels: 25_000_000,
  /** Long edge the server re-encodes to. */
  maxEdge: 2400,
} as const

/** 「スマートフォンで続ける」: a one-time code the PC shows as a QR code. */
export const handoffResponseSchema = z.object({
  code: z.string(),
  /** Server time, so the PC can tell a redemption of this code from an older one without trusting its own clock. */
  issuedAt: z.iso.datetime(),
  expiresAt: z.iso.datetime(),
})
export type HandoffResponse = z.infer<typeof handoffResponseSchema>

/** What the PC polls while its QR code is shown: when a phone last opened this login's session by a code. */
export const handoffStatusResponseSchema = z.object({ redeemedAt: z.iso.datetime().nullable() })
export type HandoffStatusResponse = z.infer<typeof handoffStatusResponseSchema>

export const redeemHandoffRequestSchema = z.object({ code: rawText(200) })
