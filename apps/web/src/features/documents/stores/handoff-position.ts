/**
 * 「スマートフォンで続ける」 lands on the phone where the PC was: the PC puts its wizard position —
 * the person, the steps walked and the document choices, never an image — in the QR code's URL
 * fragment (`/h/<code>#…`: a fragment is never sent to a server, so no log sees it). The phone keeps
 * it as its own position after the sign-in and opens that person: the wizard resumes there, with
 * the images the server already has. A fragment that does not read as a position lands on the list.
 */
import { z } from 'zod'
import { paths } from '../../../config/paths.ts'
import { keepPosition, positionSchema } from './wizard-position.ts'
import { stepKey, useWizardStore, type WizardPosition, type WizardStep } from './wizard-store.ts'

/** Steps a phone can carry on from (not the end of a visit). */
const CARRIED = new Set(['menu', 'capture', 'identityPhoto', 'identityType', 'confirm'])

function stepOf(key: string): WizardStep | null {
  const capture = /^capture:(number|identity)-([01])-(front|back)$/.exec(key)
  if (capture)
    return {
      name: 'capture',
      image: { role: capture[1] as 'number' | 'identity', slot: Number(capture[2]), side: capture[3] as 'front' | 'back' },
      openCamera: false,
    }
  const identityType = /^identityType:([01])$/.exec(key)
  if (identityType) return { name: 'identityType', slot: Number(identityType[1]) }
  return key === 'menu' || key === 'identityPhoto' || key === 'confirm' ? { name: key } : null
}

/** "my_number_card.1": a choice and whether the document has a back. */
const choiceText = (choice: { type: string; hasBack: boolean }) => `${choice.type}.${choice.hasBack ? 1 : 0}`
function choiceOf(text: string): { type: string; hasBack: boolean } | null {
  const match = /^([a-z_]+)\.([01])$/.exec(text)
  return match ? { type: match[1]!, hasBack: match[2] === '1' } : null
}

/**
 * The PC's position now, for the QR code's fragment — short, so the code stays easy to scan:
 * `p=<person>&s=menu~capture:number-0-front&n=my_number_card.1&i=0~passport.1~student_id.0`.
 * Null where there is none to carry (the list, a finished person).
 */
export function handoffFragment(): string | null {
  const { person, step, history, numberDocument, identity } = useWizardStore.getState()
  if (!person || !CARRIED.has(step.name)) return null
  const fields = new URLSearchParams({ p: person.id, s: [...history, step].map(stepKey).join('~') })
  if (numberDocument) fields.set('n', choiceText(numberDocument))
  if (identity) fields.set('i', [identity.withPhoto ? 1 : 0, ...identity.documents.map(choiceText)].join('~'))
  return fields.toString()
}

/**
 * On the phone, after the sign-in: keeps the carried position and answers the person's page, or
 * null (nothing carried, or not a position: the wizard's own schema decides). A capture step opens
 * the camera: that is what the phone was scanned for.
 */
export function landFromHandoff(fragment: string): string | null {
  const fields = new URLSearchParams(fragment)
  const personId = fields.get('p')
  const steps = (fields.get('s') ?? '').split('~').map(stepOf)
  if (!personId || steps.length === 0 || steps.length > 20 || steps.some((step) => step === null)) return null
  const walked = steps as WizardStep[]
  const last = walked[walked.length - 1]!
  const n = fields.get('n')
  const numberDocument = n === null ? null : choiceOf(n)
  if (n !== null && !numberDocument) return null
  const [withPhoto, ...documents] = fields.get('i')?.split('~') ?? []
  const candidate = {
    personId,
    step: last.name === 'capture' ? { ...last, openCamera: true } : last,
    history: walked.slice(0, -1),
    numberDocument,
    identity: withPhoto === undefined ? null : { withPhoto: withPhoto === '1', documents: documents.map(choiceOf) },
  }
  // The same rules as a position this tab kept itself (the types, the person id as a uuid).
  const parsed = positionSchema.safeParse(candidate)
  if (!parsed.success || !z.uuid().safeParse(personId).success) return null
  const { personId: _person, ...position } = parsed.data
  keepPosition(personId, position satisfies WizardPosition)
  return paths.person(personId)
}
