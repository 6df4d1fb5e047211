import { afterEach, describe, expect, it } from 'vitest'
import { handoffFragment, landFromHandoff } from './handoff-position.ts'
import { loadPosition } from './wizard-position.ts'
import { useWizardStore } from './wizard-store.ts'

const PERSON = { id: '00000000-0000-4000-8000-0000000000c1', name: '総合 花子', kind: 'dependent' as const }

afterEach(() => useWizardStore.getState().reset())

describe('the PC’s position in the QR code', () => {
  it('lands the phone on the same person and step, with the choices and the steps behind it, the camera open', () => {
    useWizardStore.getState().resume(
      PERSON,
      {
        step: { name: 'capture', image: { role: 'number', slot: 0, side: 'back' }, openCamera: false },
        history: [{ name: 'menu' }, { name: 'capture', image: { role: 'number', slot: 0, side: 'front' }, openCamera: false }],
        numberDocument: { type: 'my_number_card', hasBack: true },
        identity: null,
      },
      {},
    )
    const fragment = handoffFragment()!
    // Nothing of the person but the id: no name, no image — and short, for an easy QR code.
    expect(decodeURIComponent(fragment)).toBe(`p=${PERSON.id}&s=menu~capture:number-0-front~capture:number-0-back&n=my_number_card.1`)
    useWizardStore.getState().reset()
    sessionStorage.clear()

    // The phone, after the sign-in.
    expect(landFromHandoff(fragment)).toBe(`/persons/${PERSON.id}`)
    expect(loadPosition(PERSON.id)).toEqual({
      step: { name: 'capture', image: { role: 'number', slot: 0, side: 'back' }, openCamera: true },
      history: [{ name: 'menu' }, { name: 'capture', image: { role: 'number', slot: 0, side: 'front' }, openCamera: false }],
      numberDocument: { type: 'my_number_card', hasBack: true },
      identity: null,
    })
  })

  it('carries the identity documents chosen, with and without a back', () => {
    const position = {
      step: { name: 'capture' as const, image: { role: 'identity' as const, slot: 1, side: 'front' as const }, openCamera: false },
      history: [
        { name: 'menu' as const },
        { name: 'capture' as const, image: { role: 'number' as const, slot: 0, side: 'front' as const }, openCamera: false },
        { name: 'identityPhoto' as const },
        { name: 'identityType' as const, slot: 0 },
        { name: 'capture' as const, image: { role: 'identity' as const, slot: 0, side: 'front' as const }, openCamera: false },
        { name: 'identityType' as const, slot: 1 },
      ],
      numberDocument: { type: 'notification_card' as const, hasBack: false },
      identity: {
        withPhoto: false,
        documents: [
          { type: 'health_insurance' as const, hasBack: false },
          { type: 'pension_book' as const, hasBack: true },
        ],
      },
    }
    useWizardStore.getState().resume({ ...PERSON, kind: 'employee' }, position, {})
    const fragment = handoffFragment()!
    sessionStorage.clear()
    expect(landFromHandoff(fragment)).toBe(`/persons/${PERSON.id}`)
    expect(loadPosition(PERSON.id)).toEqual({ ...position, step: { ...position.step, openCamera: true } })
  })

  it('carries nothing from the list or a finished person', () => {
    expect(handoffFragment()).toBeNull()
    useWizardStore.getState().resume(PERSON, { step: { name: 'registered' }, history: [], numberDocument: null, identity: null }, {})
    expect(handoffFragment()).toBeNull()
  })

  it('lands on the list (null) when the fragment is not a position', () => {
    for (const fragment of [
      '',
      'x=1',
      `p=${PERSON.id}`,
      's=menu',
      'p=not-a-person&s=menu',
      `p=${PERSON.id}&s=capture:number-9-front`,
      `p=${PERSON.id}&s=menu&n=passport.1`,
      `p=${PERSON.id}&s=menu&n=my_number_card`,
    ]) {
      expect(landFromHandoff(fragment)).toBeNull()
    }
    expect(sessionStorage.length).toBe(0)
  })
})
