import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { apiError, calls, json, mockFetch } from '../../../test/fetch-mock.ts'
import { buildPerson } from '../../../test/factories.ts'
import { useWizardStore } from '../stores/wizard-store.ts'
import { WizardView } from './wizard-view.tsx'

const employee = buildPerson({ kind: 'employee', name: '総合 太郎' })
const REGISTER = `POST /api/employee/persons/${employee.id}/registration`

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

beforeEach(() => {
  URL.revokeObjectURL = vi.fn()
  useWizardStore.getState().reset()
})

describe('ConfirmStep', () => {
  it('shows every captured image from local object URLs, registers, then forgets the images', async () => {
    reachConfirm()
    const fetchMock = mockFetch({ [REGISTER]: () => json(200, { ...employee, status: 'registered' }) })
    render(<WizardView onTop={() => undefined} />)

    expect(screen.getByRole('heading', { name: '確認' })).toBeInTheDocument()
    const thumbnails = screen.getAllByRole('img')
    expect(thumbnails.map((img) => img.getAttribute('src'))).toEqual(['blob:number-front', 'blob:number-back', 'blob:passport-front'])
    expect(screen.getByRole('img', { name: '通知カード（紙製のもの）　うら面' })).toBeInTheDocument()
    expect(fetchMock).not.toHaveBeenCalled() // thumbnails never come from the server

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
    expect(screen.getByRole('alert')).toHaveTextContent('撮影されていない画像があります')
  })
})
