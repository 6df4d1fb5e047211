import { describe, expect, it } from 'vitest'
import {
  DOCUMENT_TYPE_LABELS,
  IDENTITY_DOCUMENT_TYPES,
  RETIRED_IDENTITY_TYPES,
  NUMBER_DOCUMENT_TYPES,
  type IdentityDocumentType,
  type PersonKind,
  type Registration,
  documentTypeOf,
  identityTypesFor,
  isBackRequired,
  missingImages,
  needsIdentityDocuments,
  registrationProblems,
  requiredImages,
  type VerificationSettings,
} from './documents.ts'

const kinds: PersonKind[] = ['employee', 'dependent']
const booleans = [true, false]
const AT_HIRING: VerificationSettings = { identityByEmployment: false }
const BY_EMPLOYMENT: VerificationSettings = { identityByEmployment: true }

function identityFor(withPhoto: boolean, hasBack = true): Registration['identity'] {
  const [first, second] = identityTypesFor(withPhoto) as [IdentityDocumentType, IdentityDocumentType]
  return { withPhoto, documents: (withPhoto ? [first] : [first, second]).map((type) => ({ type, hasBack })) }
}

describe('document rules', () => {
  it('needs identity documents only for an employee without a マイナンバーカード', () => {
    expect(needsIdentityDocuments('employee', 'my_number_card', AT_HIRING)).toBe(false)
    expect(needsIdentityDocuments('employee', 'notification_card', AT_HIRING)).toBe(true)
    expect(needsIdentityDocuments('employee', 'resident_record', AT_HIRING)).toBe(true)
    for (const type of NUMBER_DOCUMENT_TYPES) expect(needsIdentityDocuments('dependent', type, AT_HIRING)).toBe(false)
  })

  it('needs no identity document where the campaign relies on the employment relationship (施行規則 3条5項)', () => {
    for (const kind of kinds) for (const type of NUMBER_DOCUMENT_TYPES) expect(needsIdentityDocuments(kind, type, BY_EMPLOYMENT)).toBe(false)
    const registration: Registration = { numberDocument: { type: 'notification_card', hasBack: false }, identity: null }
    expect(registrationProblems('employee', registration, BY_EMPLOYMENT)).toEqual([])
    expect(registrationProblems('employee', registration, AT_HIRING).map((p) => p.code)).toEqual(['identity_required'])
    expect(registrationProblems('employee', { ...registration, identity: identityFor(true) }, BY_EMPLOYMENT).map((p) => p.code)).toEqual([
      'identity_not_needed',
    ])
  })

  it('names the photo IDs people hold, one of which is enough; two of the others', () => {
    expect(identityTypesFor(true)).toEqual([
      'driver_license',
      'driving_record',
      'residence_card',
      'special_permanent_resident',
      'passport',
      'disability_certificate',
      'photo_id',
    ])
    expect(identityTypesFor(false)).toEqual(['health_insurance', 'pension_book', 'child_allowance', 'student_id'])
    expect([...identityTypesFor(true), ...identityTypesFor(false)].sort()).toEqual([...IDENTITY_DOCUMENT_TYPES].sort())
  })

  it('no longer takes a 通知カード (it proves the number, not the person) or a 住民票 (a number document) for 身元確認', () => {
    for (const retired of RETIRED_IDENTITY_TYPES) {
      expect(IDENTITY_DOCUMENT_TYPES).not.toContain(retired)
      // Submissions made before keep their names in HR's files.
      expect(DOCUMENT_TYPE_LABELS[retired]).toBeTruthy()
    }
    const identity = {
      withPhoto: false,
      documents: [
        { type: 'notification_card' as IdentityDocumentType, hasBack: false },
        { type: 'health_insurance' as const, hasBack: false },
      ],
    }
    const registration: Registration = { numberDocument: { type: 'resident_record', hasBack: false }, identity }
    expect(registrationProblems('employee', registration, AT_HIRING)).toEqual([{ code: 'identity_type_not_allowed', slot: 0 }])
  })

  // Every combination of kind × setting × number type × back × identity choice: the problems and the images agree.
  for (const kind of kinds) {
    for (const settings of [AT_HIRING, BY_EMPLOYMENT]) {
      for (const type of NUMBER_DOCUMENT_TYPES) {
        for (const hasBack of booleans) {
          for (const identity of [null, identityFor(true), identityFor(false), identityFor(false, false)]) {
            const registration: Registration = { numberDocument: { type, hasBack }, identity }
            const label = `${kind} byEmployment=${settings.identityByEmployment} ${type} back=${hasBack} identity=${identity ? `${identity.withPhoto ? 'photo' : 'no-photo'}×${identity.documents.length}` : 'none'}`
            it(label, () => {
              const codes = registrationProblems(kind, registration, settings).map((p) => p.code)
              const backOk = hasBack || !isBackRequired('number', type)
              const identityNeeded = needsIdentityDocuments(kind, type, settings)
              expect(codes.includes('back_required')).toBe(!backOk)
              expect(codes.includes('identity_required')).toBe(identityNeeded && identity === null)
              expect(codes.includes('identity_not_needed')).toBe(!identityNeeded && identity !== null)
              expect(codes.length === 0).toBe(backOk && identityNeeded === (identity !== null))

              const images = requiredImages(registration)
              const identityImages = identity ? identity.documents.reduce((n, d) => n + (d.hasBack ? 2 : 1), 0) : 0
              expect(images).toHaveLength((hasBack ? 2 : 1) + identityImages)
              expect(images[0]).toEqual({ role: 'number', slot: 0, side: 'front' })
              expect(missingImages(registration, images)).toEqual([])
              expect(missingImages(registration, [])).toEqual(images)
            })
          }
        }
      }
    }
  }

  it('requires the back of a マイナンバーカード only', () => {
    expect(isBackRequired('number', 'my_number_card')).toBe(true)
    expect(isBackRequired('number', 'notification_card')).toBe(false)
    expect(isBackRequired('number', 'resident_record')).toBe(false)
    for (const type of IDENTITY_DOCUMENT_TYPES) expect(isBackRequired('identity', type)).toBe(false)
  })

  it('refuses the wrong number, kind or repetition of identity documents', () => {
    const base = { numberDocument: { type: 'notification_card', hasBack: false } } as const
    const codes = (identity: Registration['identity']) => registrationProblems('employee', { ...base, identity }, AT_HIRING).map((p) => p.code)
    expect(codes({ withPhoto: true, documents: [] })).toEqual(['identity_count'])
    expect(codes({ withPhoto: false, documents: [{ type: 'pension_book', hasBack: true }] })).toEqual(['identity_count'])
    expect(codes({ withPhoto: true, documents: [{ type: 'pension_book', hasBack: true }] })).toEqual(['identity_type_not_allowed'])
    expect(
      codes({
        withPhoto: false,
        documents: [
          { type: 'passport', hasBack: true },
          { type: 'pension_book', hasBack: true },
        ],
      }),
    ).toEqual(['identity_type_not_allowed'])
    expect(
      codes({
        withPhoto: false,
        documents: [
          { type: 'pension_book', hasBack: true },
          { type: 'pension_book', hasBack: true },
        ],
      }),
    ).toEqual(['identity_duplicate_type'])
  })

  it('names the document type each required image carries', () => {
    const registration: Registration = {
      numberDocument: { type: 'resident_record', hasBack: false },
      identity: {
        withPhoto: false,
        documents: [
          { type: 'health_insurance', hasBack: true },
          { type: 'student_id', hasBack: false },
        ],
      },
    }
    expect(documentTypeOf(registration, { role: 'number', slot: 0, side: 'front' })).toBe('resident_record')
    expect(documentTypeOf(registration, { role: 'number', slot: 0, side: 'back' })).toBeNull()
    expect(documentTypeOf(registration, { role: 'identity', slot: 0, side: 'back' })).toBe('health_insurance')
    expect(documentTypeOf(registration, { role: 'identity', slot: 1, side: 'front' })).toBe('student_id')
    expect(documentTypeOf(registration, { role: 'identity', slot: 1, side: 'back' })).toBeNull()
  })
})
