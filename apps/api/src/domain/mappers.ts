/** Database rows → API shapes (packages/shared/employee-api). */
import { type Person as PersonDto, registrationSchema } from '@bango/shared/employee-api'
import { type PersonReview, returnReasonSchema } from '@bango/shared/review'
import { carriesNumber, type DocumentRole, type ImageSlot, type Side } from '@bango/shared/documents'
import type { Document, Person } from '../generated/prisma/client.ts'

const STATUS = { PENDING: 'pending', REGISTERED: 'registered', NOT_APPLICABLE: 'not_applicable' } as const

export function toPersonDto(person: Person): PersonDto {
  return {
    id: person.id,
    kind: person.kind === 'EMPLOYEE' ? 'employee' : 'dependent',
    name: person.name,
    kana: person.kana,
    relationship: person.relationship,
    birthDate: person.birthDate.toISOString().slice(0, 10),
    status: STATUS[person.status],
    addedByEmployee: person.addedByEmployee,
    documentTypes: person.status === 'REGISTERED' ? documentTypesOf(person.registration) : [],
    review: toReviewDto(person),
  }
}

/** The document types of a stored registration, number document first (parsed, never cast). */
function documentTypesOf(registration: Person['registration']): PersonDto['documentTypes'] {
  const parsed = registrationSchema.safeParse(registration)
  if (!parsed.success) return []
  const types = [parsed.data.numberDocument.type, ...(parsed.data.identity?.documents.map((document) => document.type) ?? [])]
  return [...new Set(types)]
}

const REVIEW = { PENDING: 'pending', APPROVED: 'approved', RETURNED: 'returned' } as const

/** HR's review of a person; the reason is parsed, never cast (an unknown code reads as none). */
export function toReviewDto(person: Pick<Person, 'reviewStatus' | 'returnReason' | 'returnNote' | 'reviewedAt'>): PersonReview {
  const returned = person.reviewStatus === 'RETURNED'
  const reason = returnReasonSchema.safeParse(person.returnReason)
  return {
    status: REVIEW[person.reviewStatus],
    reason: returned && reason.success ? reason.data : null,
    note: returned ? person.returnNote : null,
    reviewedAt: person.reviewedAt?.toISOString() ?? null,
  }
}

export const toRole = (role: DocumentRole): 'NUMBER' | 'IDENTITY' => (role === 'number' ? 'NUMBER' : 'IDENTITY')
export const toSide = (side: Side): 'FRONT' | 'BACK' => (side === 'front' ? 'FRONT' : 'BACK')

/** A stored image's place in the shared document rules. */
export function toImageSlot(document: Pick<Document, 'role' | 'slot' | 'side'>): ImageSlot {
  return { role: document.role === 'NUMBER' ? 'number' : 'identity', slot: document.slot, side: document.side === 'FRONT' ? 'front' : 'back' }
}

/** Whether a stored image's side shows the 12-digit number (the shared rule, on a row). */
export function documentCarriesNumber(document: Pick<Document, 'role' | 'side' | 'type'>): boolean {
  const { role, side } = toImageSlot({ ...document, slot: 0 })
  return carriesNumber(role, document.type, side)
}
