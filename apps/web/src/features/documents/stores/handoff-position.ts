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

const fragmentSchema = z.object({
  /** The person. */
  p: z.uuid(),
  /** The steps walked, the current one last, as `stepKey`s ("menu", "capture:number-0-front"). */
  s: z.array(z.string().max(40)).min(1).max(20),
  n: positionSchema.shape.numberDocument,
  i: positionSchema.shape.identity,
})

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

/** The PC's position now, for the QR code's fragment; null where there is none to carry (the list, a finished person). */
export function handoffFragment(): string | null {
  const { person, step, history, numberDocument, identity } = useWizardStore.getState()
  if (!person || !CARRIED.has(step.name)) return null
  return new URLSearchParams({ at: JSON.stringify({ p: person.id, s: [...history, step].map(stepKey), n: numberDocument, i: identity }) }).toString()
}

/**
 * On the phone, after the sign-in: keeps the carried position and answers the person's page, or
 * null (nothing carried, or not a position). A capture step opens the camera: that is what the
 * phone was scanned for.
 */
export function landFromHandoff(fragment: string): string | null {
  const at = new URLSearchParams(fragment).get('at')
  if (!at) return null
  let json: unknown
  try {
    json = JSON.parse(at)
  } catch {
    return null
  }
  const parsed = fragmentSchema.safeParse(json)
  if (!parsed.success) return null
  const steps = parsed.data.s.map(stepOf)
  if (steps.some((step) => step === null)) return null
  const walked = steps as WizardStep[]
  const last = walked[walked.length - 1]!
  const position: WizardPosition = {
    step: last.name === 'capture' ? { ...last, openCamera: true } : last,
    history: walked.slice(0, -1),
    numberDocument: parsed.data.n,
    identity: parsed.data.i,
  }
  // The same rules as a position this tab kept itself.
  if (!positionSchema.safeParse({ personId: parsed.data.p, ...position }).success) return null
  keepPosition(parsed.data.p, position)
  return paths.person(parsed.data.p)
}
