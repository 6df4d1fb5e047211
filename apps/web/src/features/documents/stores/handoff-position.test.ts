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
    // Nothing of the person but the id: no name, no image.
    expect(decodeURIComponent(fragment)).not.toContain('花子')
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

  it('carries nothing from the list or a finished person', () => {
    expect(handoffFragment()).toBeNull()
    useWizardStore.getState().resume(PERSON, { step: { name: 'registered' }, history: [], numberDocument: null, identity: null }, {})
    expect(handoffFragment()).toBeNull()
  })

  it('lands on the list (null) when the fragment is not a position', () => {
    for (const fragment of [
      '',
      'at=',
      'at=%7B',
      `at=${encodeURIComponent(JSON.stringify({ p: PERSON.id, s: ['capture:number-9-front'], n: null, i: null }))}`,
      'x=1',
    ]) {
      expect(landFromHandoff(fragment)).toBeNull()
    }
    expect(sessionStorage.length).toBe(0)
  })
})
