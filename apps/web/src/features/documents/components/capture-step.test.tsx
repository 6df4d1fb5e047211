import { act, render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { Component } from 'react'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { retryPolicy } from '../../../lib/api-client.ts'
import { apiError, calls, json, mockFetch } from '../../../test/fetch-mock.ts'
import { useWizardStore } from '../stores/wizard-store.ts'
import type { ImageProcessor } from '../utils/prepare-image.ts'
import { CaptureStep } from './capture-step.tsx'

/** react-webcam stands in for getUserMedia: the test decides when the stream goes live or fails. */
const webcam = vi.hoisted(() => ({
  props: null as null | { onUserMedia: (stream: MediaStream) => void; onUserMediaError: (error: string | DOMException) => void },
}))
vi.mock('react-webcam', () => ({
  default: class FakeWebcam extends Component<{ onUserMedia: () => void; onUserMediaError: () => void }> {
    video = document.createElement('video')
    override render() {
      webcam.props = this.props
      return <video aria-label="fake camera" />
    }
  },
}))

const PERSON_ID = '00000000-0000-4000-8000-000000000001'
const UPLOAD = `POST /api/employee/persons/${PERSON_ID}/images`
const FRONT = { role: 'number', slot: 0, side: 'front' } as const
const uploaded = () => json(201, { id: '00000000-0000-4000-8000-0000000000aa', role: 'number', slot: 0, side: 'front', width: 2000, height: 1260 })

/** Only the pixel work is stubbed; preview, upload and navigation are the real ones. */
const processor: ImageProcessor = {
  fromFile: vi.fn(async () => new Blob(['file-jpeg'], { type: 'image/jpeg' })),
  fromVideo: vi.fn(async () => new Blob(['frame-jpeg'], { type: 'image/jpeg' })),
}

function startWizard(type: 'my_number_card' | 'resident_record') {
  useWizardStore.getState().start({ id: PERSON_ID, name: '総合 太郎', kind: 'employee', status: 'pending' })
  useWizardStore.getState().chooseNumberDocument(type)
}

beforeEach(() => {
  webcam.props = null
  retryPolicy.delaysMs = [0, 0]
  URL.createObjectURL = vi.fn(() => 'blob:preview')
  URL.revokeObjectURL = vi.fn()
  vi.stubGlobal('navigator', Object.assign(Object.create(navigator), { mediaDevices: { getUserMedia: vi.fn() } }))
})

describe('CaptureStep', () => {
  it('keeps 「撮影」 disabled until the stream is live, then previews and uploads the frame', async () => {
    startWizard('my_number_card')
    const fetchMock = mockFetch({ [UPLOAD]: uploaded })
    render(<CaptureStep image={FRONT} openCamera={false} processor={processor} />)

    await userEvent.click(screen.getByRole('button', { name: 'おもて面を撮影する' }))
    const shutter = screen.getByRole('button', { name: '撮影' })
    expect(shutter).toBeDisabled()
    act(() => webcam.props?.onUserMedia({} as MediaStream))
    expect(shutter).toBeEnabled()
    await userEvent.click(shutter)

    expect(await screen.findByText('画像を送信しました')).toBeInTheDocument()
    expect(screen.getByRole('img', { name: '撮影したおもて面の画像' })).toHaveAttribute('src', 'blob:preview')
    expect(processor.fromVideo).toHaveBeenCalled()
    const form = calls(fetchMock, UPLOAD)[0]![1]!.body as FormData
    expect([...form.keys()]).toEqual(['role', 'slot', 'side', 'type', 'file'])
    expect(Object.fromEntries([...form.entries()].slice(0, 4))).toEqual({ role: 'number', slot: '0', side: 'front', type: 'my_number_card' })
    expect(screen.getByRole('button', { name: 'おもて面を撮り直す' })).toBeEnabled()
    expect(screen.getByRole('button', { name: 'うら面を撮影する' })).toBeEnabled()
    // The マイナンバーカード's back carries the number: no way to skip it.
    expect(screen.queryByRole('button', { name: 'うら面はありません' })).not.toBeInTheDocument()
  })

  it('keeps the stream open until the frame has been taken from it', async () => {
    startWizard('my_number_card')
    mockFetch({ [UPLOAD]: uploaded })
    let finishFrame: (jpeg: Blob) => void = () => undefined
    const slowProcessor: ImageProcessor = { ...processor, fromVideo: () => new Promise((resolve) => (finishFrame = resolve)) }
    render(<CaptureStep image={FRONT} openCamera={true} processor={slowProcessor} />)
    act(() => webcam.props?.onUserMedia({} as MediaStream))
    await userEvent.click(screen.getByRole('button', { name: '撮影' }))

    expect(screen.getByLabelText('fake camera')).toBeInTheDocument()
    expect(screen.getByRole('button', { name: '撮影' })).toBeDisabled()
    await act(async () => finishFrame(new Blob(['frame'], { type: 'image/jpeg' })))
    expect(await screen.findByText('画像を送信しました')).toBeInTheDocument()
    expect(screen.queryByLabelText('fake camera')).not.toBeInTheDocument()
  })

  it('always offers the file input, and a chosen file is prepared and uploaded', async () => {
    startWizard('resident_record')
    mockFetch({ [UPLOAD]: uploaded })
    render(<CaptureStep image={FRONT} openCamera={false} processor={processor} />)

    const input = screen.getByLabelText('ファイルを選択（写真を撮る／ライブラリ）')
    expect(input).toHaveAttribute('type', 'file')
    expect(input).toHaveAttribute('accept', 'image/*')
    expect(input).toHaveAttribute('capture', 'environment')
    await userEvent.upload(input, new File(['raw'], 'photo.heic', { type: 'image/heic' }))

    expect(await screen.findByText('画像を送信しました')).toBeInTheDocument()
    expect(processor.fromFile).toHaveBeenCalled()
    // A 住民票 may have no back; for the employee, identity documents come next.
    await userEvent.click(screen.getByRole('button', { name: 'うら面はありません' }))
    expect(useWizardStore.getState().step.name).toBe('identityPhoto')
    expect(useWizardStore.getState().numberDocument).toEqual({ type: 'resident_record', hasBack: false })
  })

  it('explains how to allow the camera when it is denied, and keeps the file path', async () => {
    startWizard('my_number_card')
    render(<CaptureStep image={FRONT} openCamera={true} processor={processor} />)
    act(() => webcam.props?.onUserMediaError(new DOMException('denied', 'NotAllowedError')))

    const alert = screen.getByRole('alert')
    expect(within(alert).getByText('カメラを利用できません')).toBeInTheDocument()
    expect(alert).toHaveTextContent('「設定」→「Safari」→「カメラ」')
    expect(screen.queryByRole('button', { name: '撮影' })).not.toBeInTheDocument()
    expect(screen.getByLabelText('ファイルを選択（写真を撮る／ライブラリ）')).toBeEnabled()
  })

  it('explains the fallback right away when the browser has no camera API (in-app browsers)', async () => {
    vi.stubGlobal('navigator', Object.assign(Object.create(navigator), { mediaDevices: undefined }))
    startWizard('my_number_card')
    render(<CaptureStep image={FRONT} openCamera={false} processor={processor} />)
    await userEvent.click(screen.getByRole('button', { name: 'おもて面を撮影する' }))
    expect(screen.getByText('カメラを利用できません')).toBeInTheDocument()
    expect(webcam.props).toBeNull()
  })

  it('retries a flaky network, then offers 「再送信」 which succeeds', async () => {
    startWizard('my_number_card')
    let failures = 3
    const fetchMock = mockFetch({
      [UPLOAD]: () => {
        if (failures-- > 0) throw new TypeError('Failed to fetch')
        return uploaded()
      },
    })
    render(<CaptureStep image={FRONT} openCamera={false} processor={processor} />)
    await userEvent.upload(screen.getByLabelText('ファイルを選択（写真を撮る／ライブラリ）'), new File(['raw'], 'a.jpg', { type: 'image/jpeg' }))

    expect(await screen.findByRole('alert')).toHaveTextContent('通信が不安定なため')
    expect(calls(fetchMock, UPLOAD)).toHaveLength(3)
    expect(screen.getByRole('button', { name: 'うら面を撮影する' })).toBeDisabled()
    await userEvent.click(screen.getByRole('button', { name: '再送信' }))
    expect(await screen.findByText('画像を送信しました')).toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'うら面を撮影する' })).toBeEnabled()
  })

  it('shows the API message when the image is refused', async () => {
    startWizard('my_number_card')
    mockFetch({ [UPLOAD]: () => apiError(415, 'UNSUPPORTED_IMAGE', 'この形式の画像は登録できません。') })
    render(<CaptureStep image={FRONT} openCamera={false} processor={processor} />)
    await userEvent.upload(screen.getByLabelText('ファイルを選択（写真を撮る／ライブラリ）'), new File(['raw'], 'a.gif', { type: 'image/gif' }))
    expect(await screen.findByRole('alert')).toHaveTextContent('この形式の画像は登録できません。')
    expect(screen.queryByRole('button', { name: '再送信' })).not.toBeInTheDocument()
  })
})
