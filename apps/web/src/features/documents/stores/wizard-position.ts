/**
 * The wizard's position for the person being done, kept in sessionStorage (like the JWT: it
 * survives a reload and a new login in the same tab, dies with the tab): the step, the steps
 * behind it and the document choices — never an image, never a number. Images come back from
 * the server's draft (GET /persons/:personId/draft).
 */
import { IDENTITY_DOCUMENT_TYPES, NUMBER_DOCUMENT_TYPES } from '@bango/shared/documents'
import { z } from 'zod'
import { WIZARD_POSITION_STORAGE_KEY } from '../../../lib/session.ts'
import type { WizardPosition, WizardState } from './wizard-store.ts'

const imageSlotSchema = z.object({ role: z.enum(['number', 'identity']), slot: z.number().int().min(0).max(1), side: z.enum(['front', 'back']) })
const stepSchema = z.discriminatedUnion('name', [
  z.object({ name: z.enum(['idle', 'menu', 'alreadyRegistered', 'excluded', 'markedNotApplicable', 'identityPhoto', 'confirm', 'registered']) }),
  z.object({ name: z.literal('capture'), image: imageSlotSchema, openCamera: z.boolean() }),
  z.object({ name: z.literal('identityType'), slot: z.number().int().min(0).max(1) }),
])
export const positionSchema = z.object({
  personId: z.string(),
  step: stepSchema,
  history: z.array(stepSchema).max(20),
  numberDocument: z.object({ type: z.enum(NUMBER_DOCUMENT_TYPES), hasBack: z.boolean() }).nullable(),
  identity: z
    .object({ withPhoto: z.boolean(), documents: z.array(z.object({ type: z.enum(IDENTITY_DOCUMENT_TYPES), hasBack: z.boolean() })).max(2) })
    .nullable(),
})

/** Storage can be full or switched off (private mode): the wizard then simply does not resume. */
function storage(): Storage | null {
  try {
    return window.sessionStorage
  } catch {
    return null
  }
}

export function savePosition(state: Pick<WizardState, 'person' | 'step' | 'history' | 'numberDocument' | 'identity'>) {
  const { person, step, history, numberDocument, identity } = state
  if (!person || step.name === 'idle') return
  keepPosition(person.id, { step, history, numberDocument, identity })
}

/** Keeps a position for `personId`, as the wizard would have (a position brought from elsewhere: the PC's QR code). */
export function keepPosition(personId: string, { step, history, numberDocument, identity }: WizardPosition) {
  try {
    storage()?.setItem(WIZARD_POSITION_STORAGE_KEY, JSON.stringify({ personId, step, history, numberDocument, identity }))
  } catch {
    // Quota or privacy mode: nothing to do.
  }
}

/** The saved position of this person, if it is theirs and still reads as one. */
export function loadPosition(personId: string): WizardPosition | null {
  const raw = storage()?.getItem(WIZARD_POSITION_STORAGE_KEY)
  if (!raw) return null
  let json: unknown
  try {
    json = JSON.parse(raw)
  } catch {
    return null
  }
  const parsed = positionSchema.safeParse(json)
  if (!parsed.success || parsed.data.personId !== personId) return null
  const { step, history, numberDocument, identity } = parsed.data
  return { step, history, numberDocument, identity }
}

/** The person the saved position belongs to (to forget it when that person is not this employee's). */
export function savedPositionPersonId(): string | null {
  const raw = storage()?.getItem(WIZARD_POSITION_STORAGE_KEY)
  if (!raw) return null
  try {
    const parsed = positionSchema.safeParse(JSON.parse(raw))
    return parsed.success ? parsed.data.personId : null
  } catch {
    return null
  }
}

export function clearPosition() {
  storage()?.removeItem(WIZARD_POSITION_STORAGE_KEY)
}
