/** Database rows → API shapes (packages/shared/employee-api). */
import type { Person as PersonDto } from '@bango/shared/employee-api'
import type { DocumentRole, ImageSlot, Side } from '@bango/shared/documents'
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
  }
}

export const toRole = (role: DocumentRole): 'NUMBER' | 'IDENTITY' => (role === 'number' ? 'NUMBER' : 'IDENTITY')
export const toSide = (side: Side): 'FRONT' | 'BACK' => (side === 'front' ? 'FRONT' : 'BACK')

/** A stored image's place in the shared document rules. */
export function toImageSlot(document: Pick<Document, 'role' | 'slot' | 'side'>): ImageSlot {
  return { role: document.role === 'NUMBER' ? 'number' : 'identity', slot: document.slot, side: document.side === 'FRONT' ? 'front' : 'back' }
}
