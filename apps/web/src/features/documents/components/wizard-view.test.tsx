import { act, render, screen, within } from '@testing-library/react'
import { beforeEach, describe, expect, it } from 'vitest'
import { buildPerson } from '../../../test/factories.ts'
import { useWizardStore } from '../stores/wizard-store.ts'
import { WizardView } from './wizard-view.tsx'

const wizard = useWizardStore.getState
const indicator = () => screen.getByRole('navigation', { name: 'この方の登録の手順' })
const currentPhase = () =>
  within(indicator())
    .getAllByRole('listitem')
    .find((item) => item.getAttribute('aria-current') === 'step')?.textContent

beforeEach(() => wizard().reset())

describe('WizardView', () => {
  it('shows 手順 n / N with the phases this person needs, identity documents only where the rules ask', () => {
    act(() => wizard().start(buildPerson({ kind: 'employee' })))
    render(<WizardView onTop={() => undefined} />)
    // Before the number document is chosen, identity documents may or may not follow.
    expect(indicator()).toHaveTextContent('手順 1 / 3')
    expect(within(indicator()).getByText('身元確認書類（必要な場合）')).toBeInTheDocument()
    expect(currentPhase()).toBe('番号確認書類')

    // The employee's マイナンバーカード needs no identity document: two phases.
    act(() => wizard().chooseNumberDocument('my_number_card'))
    expect(indicator()).toHaveTextContent('手順 1 / 2')
    expect(within(indicator()).queryByText(/身元確認書類/)).not.toBeInTheDocument()

    // 通知カード does: three, and the identity phase is current on its screens.
    act(() => wizard().back())
    act(() => wizard().chooseNumberDocument('notification_card'))
    const step = wizard().step
    if (step.name !== 'capture') throw new Error(step.name)
    act(() => {
      wizard().setImage(step.image, { url: 'blob:front', blob: new Blob(['x']) })
      wizard().skipBack()
    })
    expect(indicator()).toHaveTextContent('手順 2 / 3')
    expect(currentPhase()).toBe('身元確認書類')
  })

  it('moves focus to the new heading on every step change (not on arrival)', () => {
    act(() => wizard().start(buildPerson({ kind: 'dependent' })))
    render(<WizardView onTop={() => undefined} />)
    expect(document.body).toHaveFocus()
    act(() => wizard().chooseNumberDocument('my_number_card'))
    expect(screen.getByRole('heading', { level: 2 })).toHaveFocus()
    act(() => wizard().back())
    expect(screen.getByRole('heading', { level: 2, name: '番号確認書類の登録' })).toHaveFocus()
  })
})
