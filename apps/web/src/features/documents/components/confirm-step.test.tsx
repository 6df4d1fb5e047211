import { render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { apiError, calls, json, mockFetch } from '../../../test/fetch-mock.ts'
import { useMeStore } from '../../../lib/me-store.ts'
import { buildMe, buildPerson } from '../../../test/factories.ts'
import { useWizardStore } from '../stores/wizard-store.ts'
import { WizardView } from './wizard-view.tsx'

const employee = buildPerson({ kind: 'employee', name: '総合 太郎' })
const REGISTER = `POST /api/employee/persons/${employee.id}/registration`
const CHECK = `POST /api/employee/persons/${employee.id}/number-check`

/** Walks the store to the confirm step: 通知カード (front + back) and one passport (front only). */
function reachConfirm() {
  const wizard = useWizardStore.getState
  const shoot = (url: string) => {
    const { step } = wizard()
    if (step.name !== 'capture') throw new Error(step.name)
    wizard().setImage(step.image, { url, blob: new Blob([url]) })
    wizard().markUploaded(step.image)
  }
  wizard().start(employee)
  wizard().chooseNumberDocument('notification_card')
  shoot('blob:number-front')
  wizard().captureBack()
  shoot('blob:number-back')
  wizard().next()
  wizard().chooseIdentityPhoto(true)
  wizard().chooseIdentityType(0, 'passport')
  shoot('blob:passport-front')
  wizard().skipBack()
}

const NUMBER_LABEL = '個人番号（12 桁）'
const NUMBER_ERROR = '個人番号が正しくありません。12 桁の数字をご確認ください。'
const asksNumber = (employeeEntersNumber: boolean) => useMeStore.setState({ me: buildMe({ campaign: { ...buildMe().campaign, employeeEntersNumber } }) })

beforeEach(() => {
  URL.revokeObjectURL = vi.fn()
  useWizardStore.getState().reset()
  asksNumber(false)
})

describe('ConfirmStep', () => {
  it('shows every captured image from local object URLs, registers, then forgets the images', async () => {
    reachConfirm()
    const fetchMock = mockFetch({ [REGISTER]: () => json(200, { ...employee, status: 'registered' }) })
    render(<WizardView onTop={() => undefined} />)

    expect(screen.getByRole('heading', { name: '確認' })).toBeInTheDocument()
    expect(screen.queryByLabelText(NUMBER_LABEL)).not.toBeInTheDocument()
    const thumbnails = screen.getAllByRole('button', { name: /を拡大して確認$/ })
    expect(thumbnails.map((button) => button.querySelector('img')?.getAttribute('src'))).toEqual([
      'blob:number-front',
      'blob:number-back',
      'blob:passport-front',
    ])
    expect(fetchMock).not.toHaveBeenCalled() // thumbnails never come from the server

    // A thumbnail opens the image full-screen and zoomable; Escape returns to the thumbnail.
    const back = screen.getByRole('button', { name: '通知カード（紙製のもの）　うら面 を拡大して確認' })
    await userEvent.click(back)
    const dialog = screen.getByRole('dialog', { name: '通知カード（紙製のもの）　うら面' })
    const large = within(dialog).getByRole('img', { name: '通知カード（紙製のもの）　うら面' })
    expect(large).toHaveAttribute('src', 'blob:number-back')
    expect(within(dialog).getByRole('button', { name: '閉じる' })).toHaveFocus()
    await userEvent.click(within(dialog).getByRole('button', { name: '拡大' }))
    expect(large).toHaveStyle({ width: '200%' })
    expect(within(dialog).getByText('2 倍で表示中')).toBeInTheDocument()
    await userEvent.keyboard('{Escape}')
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument()
    expect(back).toHaveFocus()

    await userEvent.click(screen.getByRole('button', { name: '登録する' }))

    expect(await screen.findByRole('heading', { name: '登録が完了しました' })).toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'TOP に戻る' })).toBeInTheDocument()
    const [, init] = calls(fetchMock, REGISTER)[0]!
    expect(JSON.parse(String(init?.body))).toEqual({
      numberDocument: { type: 'notification_card', hasBack: true },
      identity: { withPhoto: true, documents: [{ type: 'passport', hasBack: false }] },
    })
    expect(URL.revokeObjectURL).toHaveBeenCalledWith('blob:passport-front')
    expect(useWizardStore.getState().images).toEqual({})
  })

  it('shows the API message when the registration is refused and keeps the images', async () => {
    reachConfirm()
    mockFetch({ [REGISTER]: () => apiError(422, 'REGISTRATION_INVALID') })
    render(<WizardView onTop={() => undefined} />)
    await userEvent.click(screen.getByRole('button', { name: '登録する' }))
    expect(await screen.findByText('必要な書類の画像がそろっていません。')).toBeInTheDocument()
    expect(Object.keys(useWizardStore.getState().images)).toHaveLength(3)
  })

  it('refuses to register while an image has not reached the server', () => {
    reachConfirm()
    useWizardStore.setState((s) => ({ images: { ...s.images, 'number-0-back': { url: 'blob:number-back', blob: new Blob(), uploaded: false } } }))
    render(<WizardView onTop={() => undefined} />)
    expect(screen.getByRole('button', { name: '登録する' })).toBeDisabled()
    expect(screen.getByRole('alert')).toHaveTextContent('そろっていない画像があります')
  })
})

describe('ConfirmStep when the campaign asks for the number', () => {
  it('offers a numeric field that is never remembered, with a hint where to copy it from', () => {
    asksNumber(true)
    reachConfirm()
    render(<WizardView onTop={() => undefined} />)
    const field = screen.getByLabelText(NUMBER_LABEL)
    expect(field).toHaveAttribute('inputmode', 'numeric')
    expect(field).toHaveAttribute('autocomplete', 'off')
    expect(field).not.toHaveAttribute('name')
    expect(field.closest('form')).toBeNull()
    expect(field).toHaveAccessibleDescription(expect.stringContaining('番号確認書類'))
  })

  it('blocks 「登録する」 while the number is missing or fails the check digit', async () => {
    asksNumber(true)
    reachConfirm()
    const fetchMock = mockFetch({ [REGISTER]: () => json(200, { ...employee, status: 'registered' }) })
    render(<WizardView onTop={() => undefined} />)
    const field = screen.getByLabelText(NUMBER_LABEL)

    await userEvent.click(screen.getByRole('button', { name: '登録する' }))
    expect(screen.getByText(NUMBER_ERROR)).toBeInTheDocument()
    expect(field).toHaveFocus()

    await userEvent.type(field, '1234 5678 9012') // check digit should be 8
    expect(screen.queryByText(NUMBER_ERROR)).not.toBeInTheDocument()
    await userEvent.click(screen.getByRole('button', { name: '登録する' }))
    expect(screen.getByText(NUMBER_ERROR)).toBeInTheDocument()
    expect(field).toHaveAttribute('aria-invalid', 'true')
    expect(fetchMock).not.toHaveBeenCalled()
    expect(screen.getByRole('heading', { name: '確認' })).toBeInTheDocument()
  })

  it('sends a valid number, as typed with spaces or full-width digits, in the request body only', async () => {
    asksNumber(true)
    reachConfirm()
    const fetchMock = mockFetch({
      [REGISTER]: () => json(200, { ...employee, status: 'registered' }),
      [CHECK]: () => json(200, { result: 'same' }),
    })
    render(<WizardView onTop={() => undefined} />)
    await userEvent.type(screen.getByLabelText(NUMBER_LABEL), '１２３４ 5678-9018')
    expect(JSON.stringify(useWizardStore.getState())).not.toContain('5678')
    await userEvent.click(screen.getByRole('button', { name: '登録する' }))

    expect(await screen.findByRole('heading', { name: '登録が完了しました' })).toBeInTheDocument()
    const [url, init] = calls(fetchMock, REGISTER)[0]!
    expect(String(url)).not.toContain('5678')
    expect(JSON.parse(String(init?.body))).toEqual({
      numberDocument: { type: 'notification_card', hasBack: true },
      identity: { withPhoto: true, documents: [{ type: 'passport', hasBack: false }] },
      myNumber: '123456789018',
    })
    expect(JSON.stringify({ ...sessionStorage })).not.toContain('5678')
  })

  it('says at once when the typed number differs from the one read off the photo, and still lets the employee register', async () => {
    asksNumber(true)
    reachConfirm()
    const fetchMock = mockFetch({
      [CHECK]: (request) => json(200, { result: (request.json() as { myNumber: string }).myNumber === '123456789018' ? 'same' : 'different' }),
      [REGISTER]: () => json(200, { ...employee, status: 'registered' }),
    })
    render(<WizardView onTop={() => undefined} />)
    const field = screen.getByLabelText(NUMBER_LABEL)
    const MISMATCH = '入力した番号が、写真から読み取った番号と一致しません。写真と見比べて、もう一度ご確認ください。'

    // Asked only once 12 valid digits are there, in the body, never the URL.
    await userEvent.type(field, '1234 5678 901')
    expect(calls(fetchMock, CHECK)).toHaveLength(0)
    await userEvent.clear(field)
    await userEvent.type(field, '2345 6789 0121')
    expect(await screen.findByText(MISMATCH)).toBeInTheDocument()
    const [url, init] = calls(fetchMock, CHECK)[0]!
    expect(String(url)).not.toContain('6789')
    expect(JSON.parse(String(init?.body))).toEqual({ myNumber: '234567890121' })

    // Corrected: the advice goes.
    await userEvent.clear(field)
    await userEvent.type(field, '123456789018')
    await vi.waitFor(() => expect(calls(fetchMock, CHECK).length).toBeGreaterThanOrEqual(2))
    expect(screen.queryByText(MISMATCH)).not.toBeInTheDocument()
    await userEvent.click(screen.getByRole('button', { name: '登録する' }))
    expect(await screen.findByRole('heading', { name: '登録が完了しました' })).toBeInTheDocument()
  })
})
