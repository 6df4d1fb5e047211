/**
 * Navigation of the document wizard for one person (manual steps 3–5). Which screens
 * appear is decided by the shared rules only; nothing about documents is hard-coded here.
 * @see packages/shared/src/documents.ts
 */
import {
  identityDocumentCount,
  identityTypesFor,
  isBackRequired,
  needsIdentityDocuments,
  type DocumentChoice,
  type IdentityDocumentType,
  type ImageSlot,
  type NumberDocumentType,
  type PersonKind,
  type Registration,
} from '@bango/shared/documents'
import type { Person } from '@bango/shared/employee-api'
import { create } from 'zustand'
import { verificationSettings } from '../../../lib/me-store.ts'

export type WizardStep =
  | { name: 'idle' }
  | { name: 'menu' }
  | { name: 'alreadyRegistered' }
  | { name: 'excluded' }
  | { name: 'markedNotApplicable' }
  | { name: 'capture'; image: ImageSlot; openCamera: boolean }
  | { name: 'identityPhoto' }
  | { name: 'identityType'; slot: number }
  | { name: 'confirm' }
  | { name: 'registered' }

export interface CapturedImage {
  /** Object URL of the prepared JPEG: previews never come from the server. */
  url: string
  blob: Blob
  uploaded: boolean
}

export type IdentityChoice = { withPhoto: boolean; documents: DocumentChoice<IdentityDocumentType>[] }

/** How the last step change came about: the browser history follows (features/documents/components/use-wizard-history.ts). */
export type WizardMove = 'go' | 'back' | 'forward' | 'jump'

/** Where the employee is for one person, without any image: what a reload or a new login resumes. */
export interface WizardPosition {
  step: WizardStep
  history: WizardStep[]
  numberDocument: DocumentChoice<NumberDocumentType> | null
  identity: IdentityChoice | null
}

export interface WizardState {
  person: { id: string; name: string; kind: PersonKind } | null
  step: WizardStep
  history: WizardStep[]
  /** Steps left by 「戻る」, for the browser's forward button; a new step clears them. */
  future: WizardStep[]
  move: WizardMove
  numberDocument: DocumentChoice<NumberDocumentType> | null
  identity: IdentityChoice | null
  images: Partial<Record<string, CapturedImage>>
  start: (person: Pick<Person, 'id' | 'name' | 'kind' | 'status'>) => void
  /** Continues a pending person where they were, the images the server already has shown as sent. */
  resume: (person: Pick<Person, 'id' | 'name' | 'kind'>, position: WizardPosition, images: Partial<Record<string, CapturedImage>>) => void
  chooseNumberDocument: (type: NumberDocumentType) => void
  markedNotApplicable: () => void
  /** Back to the number document menu with nothing chosen (対象に戻す, 登録をやり直す). */
  startOver: () => void
  setImage: (image: ImageSlot, captured: Omit<CapturedImage, 'uploaded'>) => void
  markUploaded: (image: ImageSlot) => void
  /** 「うら面を撮影する」 from the front preview. */
  captureBack: () => void
  /** 「うら面はありません」: only where the rules allow it. */
  skipBack: () => void
  /** 「次へ」 from the back preview. */
  next: () => void
  chooseIdentityPhoto: (withPhoto: boolean) => void
  chooseIdentityType: (slot: number, type: IdentityDocumentType) => void
  back: () => void
  forward: () => void
  registration: () => Registration | null
  registered: () => void
  reset: () => void
}

export const imageKey = (image: ImageSlot) => `${image.role}-${image.slot}-${image.side}`

/** A step's name in the address bar (`?step=`) and for focus: which screen, not its state. */
export const stepKey = (step: WizardStep) =>
  step.name === 'capture' ? `capture:${imageKey(step.image)}` : step.name === 'identityType' ? `identityType:${step.slot}` : step.name

/** Identity types still offered for a slot: those the rules allow, minus one already chosen elsewhere. */
export function identityTypeOptions(identity: IdentityChoice, slot: number): IdentityDocumentType[] {
  const taken = identity.documents.filter((_, index) => index !== slot).map((document) => document.type)
  return identityTypesFor(identity.withPhoto).filter((type) => !taken.includes(type))
}

const revoke = (images: WizardState['images'], keep: (key: string) => boolean = () => false) => {
  const kept: WizardState['images'] = {}
  for (const [key, image] of Object.entries(images)) {
    if (!image) continue
    if (keep(key)) kept[key] = image
    else URL.revokeObjectURL(image.url)
  }
  return kept
}

/** A step as it is returned to: a camera opens only on the way forward. */
const atRest = (step: WizardStep): WizardStep => (step.name === 'capture' ? { ...step, openCamera: false } : step)

export const useWizardStore = create<WizardState>()((set, get) => {
  const go = (step: WizardStep) => {
    const { step: current, history } = get()
    set({ step, history: [...history, atRest(current)], future: [], move: 'go' })
  }
  const documentType = (image: ImageSlot): string | undefined =>
    image.role === 'number' ? get().numberDocument?.type : get().identity?.documents[image.slot]?.type
  const setHasBack = (image: ImageSlot, hasBack: boolean) => {
    const { numberDocument, identity } = get()
    if (image.role === 'number' && numberDocument) set({ numberDocument: { ...numberDocument, hasBack } })
    if (image.role === 'identity' && identity) {
      set({ identity: { ...identity, documents: identity.documents.map((d, i) => (i === image.slot ? { ...d, hasBack } : d)) } })
    }
  }
  const afterDocument = (image: ImageSlot) => {
    const { person, numberDocument, identity } = get()
    if (!person || !numberDocument) return
    if (image.role === 'number') {
      go(needsIdentityDocuments(person.kind, numberDocument.type, verificationSettings()) ? { name: 'identityPhoto' } : { name: 'confirm' })
    } else if (identity && image.slot + 1 < identityDocumentCount(identity.withPhoto)) {
      go({ name: 'identityType', slot: image.slot + 1 })
    } else go({ name: 'confirm' })
  }
  const currentCapture = (): ImageSlot | null => {
    const { step } = get()
    return step.name === 'capture' ? step.image : null
  }

  return {
    person: null,
    step: { name: 'idle' },
    history: [],
    future: [],
    move: 'jump',
    numberDocument: null,
    identity: null,
    images: {},
    start: (person) => {
      get().reset()
      const step: WizardStep =
        person.status === 'registered' ? { name: 'alreadyRegistered' } : person.status === 'not_applicable' ? { name: 'excluded' } : { name: 'menu' }
      set({ person: { id: person.id, name: person.name, kind: person.kind }, step })
    },
    resume: (person, position, images) => {
      get().reset()
      const { history, numberDocument, identity } = position
      set({
        step: atRest(position.step),
        history,
        numberDocument,
        identity,
        future: [],
        move: 'jump',
        person: { id: person.id, name: person.name, kind: person.kind },
        images,
      })
    },
    chooseNumberDocument: (type) => {
      if (get().numberDocument?.type !== type) set({ images: revoke(get().images), identity: null })
      set({ numberDocument: { type, hasBack: true } })
      go({ name: 'capture', image: { role: 'number', slot: 0, side: 'front' }, openCamera: false })
    },
    markedNotApplicable: () => set({ step: { name: 'markedNotApplicable' }, history: [], future: [], move: 'jump' }),
    startOver: () => set({ step: { name: 'menu' }, history: [], future: [], move: 'jump' }),
    setImage: (image, captured) => {
      const key = imageKey(image)
      set({ images: { ...revoke(get().images, (k) => k !== key), [key]: { ...captured, uploaded: false } } })
    },
    markUploaded: (image) => {
      const key = imageKey(image)
      const current = get().images[key]
      if (current) set({ images: { ...get().images, [key]: { ...current, uploaded: true } } })
    },
    captureBack: () => {
      const image = currentCapture()
      if (!image || image.side !== 'front' || !get().images[imageKey(image)]) return
      setHasBack(image, true)
      go({ name: 'capture', image: { ...image, side: 'back' }, openCamera: true })
    },
    skipBack: () => {
      const image = currentCapture()
      const type = image && documentType(image)
      if (!image || !type || isBackRequired(image.role, type) || !get().images[imageKey({ ...image, side: 'front' })]) return
      const backKey = imageKey({ ...image, side: 'back' })
      set({ images: revoke(get().images, (key) => key !== backKey) })
      setHasBack(image, false)
      afterDocument(image)
    },
    next: () => {
      const image = currentCapture()
      if (!image || image.side !== 'back' || !get().images[imageKey(image)]) return
      afterDocument(image)
    },
    chooseIdentityPhoto: (withPhoto) => {
      if (get().identity?.withPhoto !== withPhoto) {
        set({ identity: { withPhoto, documents: [] }, images: revoke(get().images, (key) => key.startsWith('number-')) })
      }
      go({ name: 'identityType', slot: 0 })
    },
    chooseIdentityType: (slot, type) => {
      const { identity } = get()
      if (!identity || !identityTypeOptions(identity, slot).includes(type)) return
      if (identity.documents[slot]?.type !== type) {
        const documents = [...identity.documents.slice(0, slot), { type, hasBack: true }, ...identity.documents.slice(slot + 1)]
        set({ identity: { ...identity, documents }, images: revoke(get().images, (key) => !key.startsWith(`identity-${slot}-`)) })
      }
      go({ name: 'capture', image: { role: 'identity', slot, side: 'front' }, openCamera: false })
    },
    back: () => {
      const { history } = get()
      const previous = history[history.length - 1]
      if (previous) set({ step: previous, history: history.slice(0, -1), future: [atRest(get().step), ...get().future], move: 'back' })
    },
    forward: () => {
      const { step, history, future } = get()
      const [following, ...rest] = future
      if (following) set({ step: following, history: [...history, step], future: rest, move: 'forward' })
    },
    registration: () => {
      const { person, numberDocument, identity } = get()
      if (!person || !numberDocument) return null
      if (!needsIdentityDocuments(person.kind, numberDocument.type, verificationSettings())) return { numberDocument, identity: null }
      return identity ? { numberDocument, identity } : null
    },
    registered: () => set({ images: revoke(get().images), step: { name: 'registered' }, history: [], future: [], move: 'jump' }),
    reset: () => {
      revoke(get().images)
      set(useWizardStore.getInitialState(), true)
    },
  }
})
