/**
 * Resuming a person from the server's draft: which of its images belong to the documents
 * chosen, and — when this device kept no position (a new tab, another phone) — the step
 * the images say the employee reached, with the steps before it as history so that
 * 「戻る」 still walks back through them. Only the shared rules decide: a back is past when its
 * front carries 「うら面はありません」 (kept with the draft), or an image of a later step shows it
 * was declared absent.
 */
import {
  identityDocumentCount,
  identityTypesFor,
  isBackRequired,
  needsIdentityDocuments,
  NUMBER_DOCUMENT_TYPES,
  type DocumentChoice,
  type IdentityDocumentType,
  type ImageSlot,
  type NumberDocumentType,
  type PersonKind,
  type VerificationSettings,
} from '@bango/shared/documents'
import type { DraftImage } from '@bango/shared/employee-api'
import type { WizardPosition, WizardStep } from '../stores/wizard-store.ts'

const isNumberType = (type: string): type is NumberDocumentType => (NUMBER_DOCUMENT_TYPES as readonly string[]).includes(type)

/** The draft image in this place carrying this type, if any. */
function findImage(images: readonly DraftImage[], place: ImageSlot, type: string): DraftImage | undefined {
  return images.find((image) => image.role === place.role && image.slot === place.slot && image.side === place.side && image.type === type)
}

/** The draft images that belong to the position's document choices (stale ones of an abandoned choice are left out). */
export function draftImagesFor(position: Pick<WizardPosition, 'numberDocument' | 'identity'>, images: readonly DraftImage[]): DraftImage[] {
  const { numberDocument, identity } = position
  return images.filter((image) => {
    const choice = image.role === 'number' ? numberDocument : identity?.documents[image.slot]
    return choice !== undefined && choice !== null && choice.type === image.type && (image.side === 'front' || choice.hasBack)
  })
}

/** Where a person with these draft images stands: the first thing still missing, or 確認. Null: nothing sent yet. */
export function positionFromDraft(kind: PersonKind, images: readonly DraftImage[], settings: VerificationSettings): WizardPosition | null {
  const numberType = images.find((image) => image.role === 'number' && image.side === 'front')?.type
  if (!numberType || !isNumberType(numberType)) return null
  const visited: WizardStep[] = [{ name: 'menu' }]
  const capture = (image: ImageSlot): WizardStep => ({ name: 'capture', image, openCamera: false })
  const identityImages = images.filter((image) => image.role === 'identity')
  const numberDocument: DocumentChoice<NumberDocumentType> = { type: numberType, hasBack: true }
  let identity: WizardPosition['identity'] = null
  const at = (): WizardPosition => ({ step: visited[visited.length - 1]!, history: visited.slice(0, -1), numberDocument, identity })

  /** Front then back of one document; false when the employee stopped there. */
  const walkDocument = (place: ImageSlot, document: DocumentChoice<string>, laterImages: boolean): boolean => {
    visited.push(capture({ ...place, side: 'front' }))
    if (findImage(images, { ...place, side: 'back' }, document.type)) {
      visited.push(capture({ ...place, side: 'back' }))
      return true
    }
    // Front sent, back not: past it when the employee said there is none, or a later image shows they did.
    const declared = findImage(images, { ...place, side: 'front' }, document.type)?.backAbsent === true
    if (isBackRequired(place.role, document.type) || !(declared || laterImages)) return false
    document.hasBack = false
    return true
  }

  // The front is there (numberType came from it).
  if (!walkDocument({ role: 'number', slot: 0, side: 'front' }, numberDocument, identityImages.length > 0)) return at()
  if (!needsIdentityDocuments(kind, numberType, settings)) {
    visited.push({ name: 'confirm' })
    return at()
  }
  visited.push({ name: 'identityPhoto' })
  const firstType = identityImages.find((image) => image.slot === 0 && image.side === 'front')?.type
  if (!firstType) return at()
  const withPhoto = identityTypesFor(true).includes(firstType as IdentityDocumentType)
  const documents: DocumentChoice<IdentityDocumentType>[] = []
  identity = { withPhoto, documents }
  for (let slot = 0; slot < identityDocumentCount(withPhoto); slot++) {
    visited.push({ name: 'identityType', slot })
    const type = identityImages.find((image) => image.slot === slot && image.side === 'front')?.type
    if (!type || !identityTypesFor(withPhoto).includes(type as IdentityDocumentType) || documents.some((d) => d.type === type)) return at()
    const document: DocumentChoice<IdentityDocumentType> = { type: type as IdentityDocumentType, hasBack: true }
    documents.push(document)
    const later = identityImages.some((image) => image.slot > slot)
    if (!walkDocument({ role: 'identity', slot, side: 'front' }, document, later)) return at()
  }
  visited.push({ name: 'confirm' })
  return at()
}
