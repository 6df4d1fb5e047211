/**
 * Which documents a person must provide, given their choices: 本人確認 as 番号法 16条 and its
 * 施行規則 state it — 番号確認 (the number is right) by a マイナンバーカード, a 通知カード or a
 * 住民票の写し showing the number; 身元確認 (the person is who they say) by one photo ID a public
 * body issued, or else two documents without one, of different kinds (ADR 048).
 * The SPA walks these rules to decide which screens to show; the API applies the same
 * rules to decide what 「登録する」 and 「完了」 accept.
 * @see ../../../docs/product.md "Employee flow"
 * @see ../../../docs/decisions/048-verification-as-the-law-states-it.md
 */

export const NUMBER_DOCUMENT_TYPES = ['my_number_card', 'notification_card', 'resident_record'] as const
export type NumberDocumentType = (typeof NUMBER_DOCUMENT_TYPES)[number]

/** Photo IDs a public body issued: one proves who the person is. */
const PHOTO_IDENTITY_TYPES = [
  'driver_license',
  'driving_record',
  'residence_card',
  'special_permanent_resident',
  'passport',
  'disability_certificate',
  'photo_id',
] as const

/** Without a photo (or not a public body's): two of different kinds are needed. */
const OTHER_IDENTITY_TYPES = ['health_insurance', 'pension_book', 'child_allowance', 'student_id'] as const

/** What an employee may choose today, photo IDs first. */
export const IDENTITY_DOCUMENT_TYPES = [...PHOTO_IDENTITY_TYPES, ...OTHER_IDENTITY_TYPES] as const
export type IdentityDocumentType = (typeof IDENTITY_DOCUMENT_TYPES)[number]

/**
 * Identity types offered before ADR 048 and no longer chosen: a 通知カード proves the number, not
 * the person; a 住民票 is a number document. Submissions made with them keep their names.
 */
export const RETIRED_IDENTITY_TYPES = ['notification_card', 'resident_record'] as const
export type StoredDocumentType = NumberDocumentType | IdentityDocumentType | (typeof RETIRED_IDENTITY_TYPES)[number]

/** Japanese names of the document types, as HR's files (payroll export, ZIP manifest) write them. */
export const DOCUMENT_TYPE_LABELS: Record<StoredDocumentType, string> = {
  my_number_card: 'マイナンバーカード',
  notification_card: '通知カード',
  resident_record: '住民票',
  driver_license: '運転免許証',
  driving_record: '運転経歴証明書',
  residence_card: '在留カード',
  special_permanent_resident: '特別永住者証明書',
  passport: 'パスポート',
  disability_certificate: '障害者手帳（顔写真付き）',
  photo_id: 'その他の顔写真付き公的証明書',
  health_insurance: '健康保険証／資格確認書',
  pension_book: '年金手帳／基礎年金番号通知書',
  child_allowance: '児童扶養手当証書',
  student_id: '学生証',
}

export type PersonKind = 'employee' | 'dependent'
export type DocumentRole = 'number' | 'identity'
export type Side = 'front' | 'back'

/** What a campaign decided about 本人確認 (ADR 048). */
export interface VerificationSettings {
  /**
   * 身元確認 by the employment relationship: the company verified the employee's identity at
   * hiring and it is plain that they are who they say (番号法施行規則 3条5項), so an employee
   * shows only the number document.
   */
  identityByEmployment: boolean
}

export interface DocumentChoice<T extends string> {
  type: T
  /** false when the user chose 「うら面はありません」 */
  hasBack: boolean
}

export interface Registration {
  numberDocument: DocumentChoice<NumberDocumentType>
  /** Present exactly when `needsIdentityDocuments` says so. */
  identity: { withPhoto: boolean; documents: DocumentChoice<IdentityDocumentType>[] } | null
}

/** One image to capture: `slot` tells the two identity documents apart (always 0 for number). */
export interface ImageSlot {
  role: DocumentRole
  slot: number
  side: Side
}

/** Only the マイナンバーカード must show its back (the number is printed there). */
export function isBackRequired(role: DocumentRole, type: string): boolean {
  return role === 'number' && type === 'my_number_card'
}

/**
 * Whether an image shows the 12-digit number, so that it is read as it arrives: the back of a
 * マイナンバーカード (its front has no number), the front of a 通知カード, either page of a 住民票.
 */
export function carriesNumber(role: DocumentRole, type: string, side: Side): boolean {
  if (role !== 'number') return false
  if (type === 'my_number_card') return side === 'back'
  if (type === 'notification_card') return side === 'front'
  return type === 'resident_record'
}

/**
 * Identity documents: the employee's only (an employee verifies their dependents' identity for
 * 扶養控除 themself), only when the number document does not prove identity itself, and not where
 * the campaign relies on the employment relationship.
 */
export function needsIdentityDocuments(kind: PersonKind, numberType: NumberDocumentType, settings: VerificationSettings): boolean {
  return kind === 'employee' && numberType !== 'my_number_card' && !settings.identityByEmployment
}

/** 「顔写真がない書類の場合は、身元確認書類が2種類必要です」 */
export function identityDocumentCount(withPhoto: boolean): 1 | 2 {
  return withPhoto ? 1 : 2
}

export function identityTypesFor(withPhoto: boolean): IdentityDocumentType[] {
  return [...(withPhoto ? PHOTO_IDENTITY_TYPES : OTHER_IDENTITY_TYPES)]
}

export type RegistrationProblem =
  | { code: 'back_required'; role: DocumentRole; slot: number }
  | { code: 'identity_required' }
  | { code: 'identity_not_needed' }
  | { code: 'identity_count'; expected: number }
  | { code: 'identity_type_not_allowed'; slot: number }
  | { code: 'identity_duplicate_type' }

/** Every rule a registration breaks; empty when it is acceptable. */
export function registrationProblems(kind: PersonKind, registration: Registration, settings: VerificationSettings): RegistrationProblem[] {
  const problems: RegistrationProblem[] = []
  const { numberDocument, identity } = registration
  if (!numberDocument.hasBack && isBackRequired('number', numberDocument.type)) {
    problems.push({ code: 'back_required', role: 'number', slot: 0 })
  }
  const needed = needsIdentityDocuments(kind, numberDocument.type, settings)
  if (!needed) {
    if (identity) problems.push({ code: 'identity_not_needed' })
    return problems
  }
  if (!identity) return [...problems, { code: 'identity_required' }]

  const expected = identityDocumentCount(identity.withPhoto)
  if (identity.documents.length !== expected) problems.push({ code: 'identity_count', expected })
  const allowed = identityTypesFor(identity.withPhoto)
  identity.documents.forEach((document, slot) => {
    if (!allowed.includes(document.type)) problems.push({ code: 'identity_type_not_allowed', slot })
  })
  if (new Set(identity.documents.map((d) => d.type)).size !== identity.documents.length) {
    problems.push({ code: 'identity_duplicate_type' })
  }
  return problems
}

/** The images a valid registration needs, in the order the wizard captures them. */
export function requiredImages(registration: Registration): ImageSlot[] {
  const sides = (hasBack: boolean): Side[] => (hasBack ? ['front', 'back'] : ['front'])
  const images: ImageSlot[] = sides(registration.numberDocument.hasBack).map((side) => ({ role: 'number', slot: 0, side }))
  registration.identity?.documents.forEach((document, slot) => {
    for (const side of sides(document.hasBack)) images.push({ role: 'identity', slot, side })
  })
  return images
}

export function sameImageSlot(a: ImageSlot, b: ImageSlot): boolean {
  return a.role === b.role && a.slot === b.slot && a.side === b.side
}

/** Required images not among `uploaded`. */
export function missingImages(registration: Registration, uploaded: readonly ImageSlot[]): ImageSlot[] {
  return requiredImages(registration).filter((needed) => !uploaded.some((image) => sameImageSlot(image, needed)))
}

/** The type an image slot must carry under a registration, or null when the slot is not part of it. */
export function documentTypeOf(registration: Registration, image: ImageSlot): string | null {
  if (!requiredImages(registration).some((needed) => sameImageSlot(needed, image))) return null
  return image.role === 'number' ? registration.numberDocument.type : (registration.identity?.documents[image.slot]?.type ?? null)
}

/**
 * What an employee should have at hand, as the postal kit and the e-mails say it (Japanese; the
 * rules above decide what each screen asks for).
 */
export const DOCUMENTS_TO_PREPARE_JA =
  'ご本人と、登録する扶養家族それぞれの、マイナンバーカード（お持ちでない方は、通知カード又は個人番号が記載された住民票の写しと、運転免許証などの本人確認書類）。'
