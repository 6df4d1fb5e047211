import type { DraftImage } from '@bango/shared/employee-api'
import { describe, expect, it } from 'vitest'
import { draftImagesFor, positionFromDraft } from './resume-position.ts'

const AT_HIRING = { identityByEmployment: false }

let n = 0
const image = (role: DraftImage['role'], slot: number, side: DraftImage['side'], type: DraftImage['type'], backAbsent = false): DraftImage => ({
  id: `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`,
  role,
  slot,
  side,
  type,
  backAbsent,
})
const names = (position: ReturnType<typeof positionFromDraft>) =>
  position && [...position.history, position.step].map((s) => (s.name === 'capture' ? `${s.image.role}${s.image.slot}${s.image.side}` : s.name))

describe('positionFromDraft', () => {
  it('is null with nothing sent: the wizard starts at the menu', () => {
    expect(positionFromDraft('employee', [], AT_HIRING)).toBeNull()
  })

  it('stops at the front when its back is neither there nor shown absent by a later image', () => {
    expect(names(positionFromDraft('employee', [image('number', 0, 'front', 'notification_card')], AT_HIRING))).toEqual(['menu', 'number0front'])
  })

  it('goes past a back the employee said is not there (kept with the draft front), to the next step', () => {
    const position = positionFromDraft('dependent', [image('number', 0, 'front', 'notification_card', true)], AT_HIRING)
    expect(names(position)).toEqual(['menu', 'number0front', 'confirm'])
    expect(position).toMatchObject({ numberDocument: { type: 'notification_card', hasBack: false } })
    // The last document of an employee's: on to the identity documents.
    expect(names(positionFromDraft('employee', [image('number', 0, 'front', 'notification_card', true)], AT_HIRING))).toEqual([
      'menu',
      'number0front',
      'identityPhoto',
    ])
  })

  it('stops at the back the マイナンバーカード requires', () => {
    expect(names(positionFromDraft('dependent', [image('number', 0, 'front', 'my_number_card')], AT_HIRING))).toEqual(['menu', 'number0front'])
  })

  it('reads a skipped back from a later image, the identity choice from its types, and lands on the next missing step', () => {
    const position = positionFromDraft(
      'employee',
      [image('number', 0, 'front', 'notification_card'), image('identity', 0, 'front', 'health_insurance'), image('identity', 0, 'back', 'health_insurance')],
      AT_HIRING,
    )
    expect(names(position)).toEqual(['menu', 'number0front', 'identityPhoto', 'identityType', 'identity0front', 'identity0back', 'identityType'])
    expect(position).toMatchObject({
      step: { name: 'identityType', slot: 1 },
      numberDocument: { type: 'notification_card', hasBack: false },
      identity: { withPhoto: false, documents: [{ type: 'health_insurance', hasBack: true }] },
    })
  })

  it('reaches 確認 when everything the choices need is there', () => {
    const position = positionFromDraft(
      'employee',
      [
        image('number', 0, 'front', 'notification_card'),
        image('number', 0, 'back', 'notification_card'),
        image('identity', 0, 'front', 'passport'),
        image('identity', 0, 'back', 'passport'),
      ],
      AT_HIRING,
    )
    expect(position?.step).toEqual({ name: 'confirm' })
    expect(position?.identity).toEqual({ withPhoto: true, documents: [{ type: 'passport', hasBack: true }] })
  })

  it('goes from the number document straight to 確認 where the campaign relies on the employment relationship', () => {
    const position = positionFromDraft('employee', [image('number', 0, 'front', 'notification_card', true)], { identityByEmployment: true })
    expect(names(position)).toEqual(['menu', 'number0front', 'confirm'])
  })
})

describe('draftImagesFor', () => {
  it('keeps only the images of the documents chosen (a stale one of an abandoned choice is not shown)', () => {
    const kept = image('number', 0, 'front', 'my_number_card')
    const stale = image('identity', 0, 'front', 'passport')
    const position = { numberDocument: { type: 'my_number_card' as const, hasBack: true }, identity: null }
    expect(draftImagesFor(position, [kept, stale, image('number', 0, 'back', 'notification_card')])).toEqual([kept])
  })
})
