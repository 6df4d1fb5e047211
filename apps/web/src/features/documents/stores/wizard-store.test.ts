import { requiredImages, type ImageSlot } from '@bango/shared/documents'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { useWizardStore } from './wizard-store.ts'

const wizard = () => useWizardStore.getState()
const stepName = () => wizard().step.name
const captureOf = () => {
  const { step } = wizard()
  return step.name === 'capture' ? step.image : null
}
const capture = () => {
  const image = captureOf()
  if (!image) throw new Error(`not on a capture step but on ${stepName()}`)
  wizard().setImage(image, { url: `blob:${image.role}-${image.slot}-${image.side}`, blob: new Blob(['x']) })
  wizard().markUploaded(image)
}
const employee = { id: 'e', name: '総合 太郎', kind: 'employee', status: 'pending' } as const
const dependent = { id: 'd', name: '総合 花子', kind: 'dependent', status: 'pending' } as const
const slot = (role: ImageSlot['role'], index: number, side: ImageSlot['side']): ImageSlot => ({ role, slot: index, side })

beforeEach(() => {
  URL.revokeObjectURL = vi.fn()
  wizard().reset()
})

describe('wizard store', () => {
  it('employee + マイナンバーカード: front, back, confirm — no identity screens, no 「うら面はありません」', () => {
    wizard().start(employee)
    expect(stepName()).toBe('menu')
    wizard().chooseNumberDocument('my_number_card')
    expect(captureOf()).toEqual(slot('number', 0, 'front'))
    capture()
    wizard().skipBack() // the card's back carries the number: refused
    expect(captureOf()).toEqual(slot('number', 0, 'front'))
    wizard().captureBack()
    expect(wizard().step).toEqual({ name: 'capture', image: slot('number', 0, 'back'), openCamera: true })
    wizard().next() // nothing captured yet: stays
    expect(captureOf()).toEqual(slot('number', 0, 'back'))
    capture()
    wizard().next()
    expect(stepName()).toBe('confirm')
    expect(wizard().registration()).toEqual({ numberDocument: { type: 'my_number_card', hasBack: true }, identity: null })
  })

  it('employee + 通知カード + no photo: two identity documents, distinct types, optional backs', () => {
    wizard().start(employee)
    wizard().chooseNumberDocument('notification_card')
    capture()
    wizard().captureBack()
    capture()
    wizard().next()
    expect(stepName()).toBe('identityPhoto')
    wizard().chooseIdentityPhoto(false)
    expect(wizard().step).toEqual({ name: 'identityType', slot: 0 })
    wizard().chooseIdentityType(0, 'passport') // a photo document is not offered here
    expect(stepName()).toBe('identityType')
    wizard().chooseIdentityType(0, 'health_insurance')
    expect(captureOf()).toEqual(slot('identity', 0, 'front'))
    capture()
    wizard().skipBack()
    expect(wizard().step).toEqual({ name: 'identityType', slot: 1 })
    wizard().chooseIdentityType(1, 'health_insurance') // already used for the first one
    expect(stepName()).toBe('identityType')
    wizard().chooseIdentityType(1, 'pension_book')
    capture()
    wizard().captureBack()
    capture()
    wizard().next()
    expect(stepName()).toBe('confirm')
    const registration = wizard().registration()
    expect(registration).toEqual({
      numberDocument: { type: 'notification_card', hasBack: true },
      identity: {
        withPhoto: false,
        documents: [
          { type: 'health_insurance', hasBack: false },
          { type: 'pension_book', hasBack: true },
        ],
      },
    })
    const keys = requiredImages(registration!).map((image) => `${image.role}-${image.slot}-${image.side}`)
    expect(keys).toEqual(['number-0-front', 'number-0-back', 'identity-0-front', 'identity-1-front', 'identity-1-back'])
    expect(keys.every((key) => wizard().images[key]?.uploaded)).toBe(true)
  })

  it('dependent + 住民票 with 「うら面はありません」: straight to confirm, no identity documents', () => {
    wizard().start(dependent)
    wizard().chooseNumberDocument('resident_record')
    capture()
    wizard().skipBack()
    expect(stepName()).toBe('confirm')
    expect(wizard().registration()).toEqual({ numberDocument: { type: 'resident_record', hasBack: false }, identity: null })
    wizard().back()
    expect(wizard().step).toEqual({ name: 'capture', image: slot('number', 0, 'front'), openCamera: false })
  })

  it('opens registered and not-applicable persons on their own notices', () => {
    wizard().start({ ...dependent, status: 'registered' })
    expect(stepName()).toBe('alreadyRegistered')
    wizard().start({ ...dependent, status: 'not_applicable' })
    expect(stepName()).toBe('excluded')
    wizard().startOver()
    expect(stepName()).toBe('menu')
  })

  it('reset() returns to the initial state and revokes every object URL', () => {
    wizard().start(employee)
    wizard().chooseNumberDocument('my_number_card')
    capture()
    wizard().reset()
    expect(URL.revokeObjectURL).toHaveBeenCalledWith('blob:number-0-front')
    expect(wizard()).toMatchObject({ person: null, step: { name: 'idle' }, history: [], numberDocument: null, identity: null, images: {} })
  })

  it('registered() drops the local images', () => {
    wizard().start(dependent)
    wizard().chooseNumberDocument('resident_record')
    capture()
    wizard().registered()
    expect(URL.revokeObjectURL).toHaveBeenCalledWith('blob:number-0-front')
    expect(wizard().images).toEqual({})
    expect(stepName()).toBe('registered')
  })
})
