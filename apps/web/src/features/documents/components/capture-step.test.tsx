import { act, render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { Component } from 'react'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { retryPolicy } from '../../../lib/api-client.ts'
import { apiError, calls, json, mockFetch } from '../../../test/fetch-mock.ts'
import { mockXhr } from '../../../test/xhr-mock.ts'
import { useWizardStore } from '../stores/wizard-store.ts'
import type { ImageProcessor } from '../utils/image-processor.ts'
import type { PreparedImage } from '../utils/prepare-image.ts'
import { CaptureHandoffContext } from './capture-handoff.tsx'
import { CaptureStep } from './capture-step.tsx'

/** The test decides whether the live frame shows something (a real canvas is not in jsdom). */
const frame = vi.hoisted(() => ({ content: true }))
vi.mock('../utils/frame-content.ts', () => ({
  sampleFrame: () => new Uint8ClampedArray(4),
  frameHasContent: () => frame.content,
}))

/** A phone: a finger, not a mouse (the camera is the main action and opens full screen). */
const phone = () => vi.stubGlobal('matchMedia', (query: string) => ({ matches: query === '(pointer: coarse)', media: query }))
/** What the device list says (no call: the camera API alone is all there is to go by). */
const devices = (kinds: MediaDeviceKind[]) => vi.fn(async () => kinds.map((kind) => ({ kind }) as MediaDeviceInfo))

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

/** A large, bright, sharp photo: no quality warning. */
const prepared = (content: string, overrides: Partial<PreparedImage> = {}): PreparedImage => ({
  jpeg: new Blob([content], { type: 'image/jpeg' }),
  width: 2000,
  height: 1260,
  gray: { data: Uint8ClampedArray.from({ length: 64 * 64 }, (_, i) => ((((i % 64) >> 2) + (i >> 8)) % 2 ? 230 : 20)), width: 64, height: 64 },
  ...overrides,
})

/** Only the pixel work is stubbed; preview, upload and navigation are the real ones. */
const processor: ImageProcessor = {
  fromFile: vi.fn(async () => prepared('file-jpeg')),
  fromVideo: vi.fn(async () => prepared('frame-jpeg')),
  burnMasks: vi.fn(async () => new Blob(['masked-jpeg'], { type: 'image/jpeg' })),
}

function startWizard(type: 'my_number_card' | 'resident_record') {
  useWizardStore.getState().start({ id: PERSON_ID, name: '総合 太郎', kind: 'employee', status: 'pending' })
  useWizardStore.getState().chooseNumberDocument(type)
}

beforeEach(() => {
  webcam.props = null
  frame.content = true
  retryPolicy.delaysMs = [0, 0]
  URL.createObjectURL = vi.fn(() => 'blob:preview')
  URL.revokeObjectURL = vi.fn()
  vi.stubGlobal('navigator', Object.assign(Object.create(navigator), { mediaDevices: { getUserMedia: vi.fn() } }))
})

describe('CaptureStep', () => {
  it('keeps 「撮影」 disabled until the stream is live AND a frame with content arrives, then previews and uploads it', async () => {
    phone()
    frame.content = false
    startWizard('my_number_card')
    const xhr = mockXhr({ [UPLOAD]: uploaded })
    render(<CaptureStep image={FRONT} openCamera={false} processor={processor} />)

    await userEvent.click(screen.getByRole('button', { name: 'おもて面を撮影する' }))
    // The camera's chunk loads on first use; on a phone it is a full-screen dialog that takes focus.
    const camera = await screen.findByRole('dialog', { name: 'おもて面を撮影' })
    expect(camera).toHaveFocus()
    const shutter = within(camera).getByRole('button', { name: '撮影' })
    expect(shutter).toBeDisabled()
    act(() => webcam.props?.onUserMedia({} as MediaStream))
    // Live, but black: still disabled, and the employee is told why.
    await new Promise((resolve) => setTimeout(resolve, 600))
    expect(shutter).toBeDisabled()
    expect(within(camera).getByRole('status')).toHaveTextContent('カメラの映像を待っています')
    frame.content = true
    await vi.waitFor(() => expect(shutter).toBeEnabled())
    // No card found (jsdom draws no frame): the employee is asked to line one up.
    expect(within(camera).getByRole('status')).toHaveTextContent('カードを白い枠に合わせてください。')
    await userEvent.click(shutter)

    expect(await screen.findByText(/画像を保存しました/)).toBeInTheDocument()
    expect(screen.getByRole('img', { name: 'おもて面の画像' })).toHaveAttribute('src', 'blob:preview')
    expect(processor.fromVideo).toHaveBeenCalled()
    const form = xhr.requests(UPLOAD)[0]!.body as FormData
    expect([...form.keys()]).toEqual(['role', 'slot', 'side', 'type', 'file'])
    expect(Object.fromEntries([...form.entries()].slice(0, 4))).toEqual({ role: 'number', slot: '0', side: 'front', type: 'my_number_card' })
    expect(screen.getByRole('button', { name: 'おもて面を撮り直す' })).toBeEnabled()
    expect(screen.getByRole('button', { name: 'うら面を撮影する' })).toBeEnabled()
    // The マイナンバーカード's back carries the number: no way to skip it.
    expect(screen.queryByRole('button', { name: 'うら面はありません' })).not.toBeInTheDocument()
  })

  it('keeps the stream open until the frame has been taken from it', async () => {
    phone()
    startWizard('my_number_card')
    mockXhr({ [UPLOAD]: uploaded })
    let finishFrame: (jpeg: Blob) => void = () => undefined
    const slowProcessor: ImageProcessor = {
      ...processor,
      fromVideo: () => new Promise((resolve) => (finishFrame = (jpeg) => resolve(prepared('frame', { jpeg })))),
    }
    render(<CaptureStep image={FRONT} openCamera={true} processor={slowProcessor} />)
    await screen.findByLabelText('fake camera')
    act(() => webcam.props?.onUserMedia({} as MediaStream))
    await vi.waitFor(() => expect(screen.getByRole('button', { name: '撮影' })).toBeEnabled())
    await userEvent.click(screen.getByRole('button', { name: '撮影' }))

    expect(screen.getByLabelText('fake camera')).toBeInTheDocument()
    expect(screen.getByRole('button', { name: '撮影' })).toBeDisabled()
    await act(async () => finishFrame(new Blob(['frame'], { type: 'image/jpeg' })))
    expect(await screen.findByText(/画像を保存しました/)).toBeInTheDocument()
    expect(screen.queryByLabelText('fake camera')).not.toBeInTheDocument()
  })

  it('always offers 「写真を選ぶ」, and a chosen file is prepared and uploaded', async () => {
    startWizard('resident_record')
    mockXhr({ [UPLOAD]: uploaded })
    const NO_BACK = `PUT /api/employee/persons/${PERSON_ID}/draft/back-absence`
    const fetchMock = mockFetch({ [NO_BACK]: () => new Response(null, { status: 204 }) })
    render(<CaptureStep image={FRONT} openCamera={false} processor={processor} />)

    const input = screen.getByLabelText('写真を選ぶ')
    expect(input).toHaveAttribute('type', 'file')
    expect(input).toHaveAttribute('accept', 'image/*')
    // No `capture`: the phone offers both its library and its own camera.
    expect(input).not.toHaveAttribute('capture')
    await userEvent.upload(input, new File(['raw'], 'photo.heic', { type: 'image/heic' }))

    expect(await screen.findByText(/画像を保存しました/)).toBeInTheDocument()
    expect(processor.fromFile).toHaveBeenCalled()
    // A 住民票 may have no back; for the employee, identity documents come next.
    await userEvent.click(screen.getByRole('button', { name: 'うら面はありません' }))
    expect(useWizardStore.getState().step.name).toBe('identityPhoto')
    expect(useWizardStore.getState().numberDocument).toEqual({ type: 'resident_record', hasBack: false })
    // Kept with the draft as well, for a sign-in on another device.
    expect(calls(fetchMock, NO_BACK)[0]?.[1]?.body).toBe(JSON.stringify({ role: 'number', slot: 0, absent: true }))
  })

  it('explains how to allow the camera when it is denied, and keeps the file path and (on a PC) the QR code', async () => {
    startWizard('my_number_card')
    render(
      <CaptureHandoffContext.Provider value={<p>QR パネル</p>}>
        <CaptureStep image={FRONT} openCamera={false} processor={processor} />
      </CaptureHandoffContext.Provider>,
    )
    await userEvent.click(screen.getByRole('button', { name: 'おもて面を撮影する' }))
    await screen.findByLabelText('fake camera')
    act(() => webcam.props?.onUserMediaError(new DOMException('denied', 'NotAllowedError')))

    const alert = screen.getByRole('alert')
    expect(within(alert).getByText('カメラを利用できません')).toBeInTheDocument()
    expect(alert).toHaveTextContent('「設定」→「Safari」→「カメラ」')
    expect(screen.queryByRole('button', { name: '撮影' })).not.toBeInTheDocument()
    expect(screen.getByLabelText('写真を選ぶ')).toBeEnabled()
    expect(screen.getByText('QR パネル')).toBeInTheDocument()
  })

  it('makes 「写真を選ぶ」 the main action on a phone without a camera API (in-app browsers)', async () => {
    phone()
    vi.stubGlobal('navigator', Object.assign(Object.create(navigator), { mediaDevices: undefined }))
    startWizard('my_number_card')
    render(<CaptureStep image={FRONT} openCamera={true} processor={processor} />)
    expect(screen.getByText('写真を選ぶ')).not.toHaveClass('button--secondary')
    expect(screen.queryByRole('button', { name: 'おもて面を撮影する' })).not.toBeInTheDocument()
    expect(webcam.props).toBeNull()
  })

  it('retries a flaky network, then offers 「再送信」 which succeeds', async () => {
    startWizard('my_number_card')
    let failures = 3
    const xhr = mockXhr({
      [UPLOAD]: () => {
        if (failures-- > 0) throw new TypeError('Failed to fetch')
        return uploaded()
      },
    })
    render(<CaptureStep image={FRONT} openCamera={false} processor={processor} />)
    await userEvent.upload(screen.getByLabelText('写真を選ぶ'), new File(['raw'], 'a.jpg', { type: 'image/jpeg' }))

    expect(await screen.findByRole('alert')).toHaveTextContent('通信が不安定なため')
    expect(xhr.requests(UPLOAD)).toHaveLength(3)
    expect(screen.getByRole('button', { name: 'うら面へ進む' })).toBeDisabled()
    await userEvent.click(screen.getByRole('button', { name: '再送信' }))
    expect(await screen.findByText(/画像を保存しました/)).toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'うら面へ進む' })).toBeEnabled()
  })

  it('shows the API message when the image is refused', async () => {
    startWizard('my_number_card')
    mockXhr({ [UPLOAD]: () => apiError(415, 'UNSUPPORTED_IMAGE') })
    render(<CaptureStep image={FRONT} openCamera={false} processor={processor} />)
    await userEvent.upload(screen.getByLabelText('写真を選ぶ'), new File(['raw'], 'a.gif', { type: 'image/gif' }))
    expect(await screen.findByRole('alert')).toHaveTextContent('画像として読み取れませんでした。JPEG または PNG の写真を選んでください。')
    expect(screen.queryByRole('button', { name: '再送信' })).not.toBeInTheDocument()
  })

  it('warns under the preview about a dark or small photo, and still lets the employee go on', async () => {
    startWizard('my_number_card')
    mockXhr({ [UPLOAD]: uploaded })
    const dark = { data: new Uint8ClampedArray(64 * 64).fill(25), width: 64, height: 64 }
    const darkProcessor: ImageProcessor = { ...processor, fromFile: vi.fn(async () => prepared('dark', { width: 640, height: 480, gray: dark })) }
    render(<CaptureStep image={FRONT} openCamera={false} processor={darkProcessor} />)
    await userEvent.upload(screen.getByLabelText('写真を選ぶ'), new File(['raw'], 'a.jpg', { type: 'image/jpeg' }))

    expect(await screen.findByText(/画像を保存しました/)).toBeInTheDocument()
    const warning = screen.getByText('画像を確認してください').closest('.notice')!
    expect(warning).toHaveTextContent('画像が暗いようです。明るい場所で撮り直すと読み取りやすくなります。')
    expect(warning).toHaveTextContent('画像が小さいようです。')
    expect(warning).not.toHaveTextContent('ぼやけて')
    expect(screen.getByRole('button', { name: 'うら面へ進む' })).toBeEnabled()
  })

  it('tells the employee when the server could not read the number off the back just sent, and still lets them go on', async () => {
    startWizard('my_number_card')
    mockXhr({ [UPLOAD]: uploaded })
    const READ = `GET /api/employee/persons/${PERSON_ID}/images/00000000-0000-4000-8000-0000000000aa/number-read`
    let reads = 0
    const fetchMock = mockFetch({ [READ]: () => json(200, { state: ++reads < 2 ? 'reading' : 'unreadable' }) })
    vi.useFakeTimers({ shouldAdvanceTime: true })
    try {
      render(<CaptureStep image={{ ...FRONT, side: 'back' }} openCamera={false} processor={processor} />)
      await userEvent.upload(screen.getByLabelText('写真を選ぶ'), new File(['raw'], 'a.jpg', { type: 'image/jpeg' }))
      expect(await screen.findByText(/画像を保存しました/)).toBeInTheDocument()
      await act(() => vi.advanceTimersByTimeAsync(3_100))
      expect(
        await screen.findByText('番号が読み取れませんでした。影や反射がないか確認して、撮り直してください。番号がはっきり写っていれば、このまま進めます。'),
      ).toBeInTheDocument()
      expect(calls(fetchMock, READ)).toHaveLength(2)
      expect(screen.getByRole('button', { name: '次へ' })).toBeEnabled()
    } finally {
      vi.useRealTimers()
    }
  })

  it('offers the phone’s own camera app once the number could not be read off two pictures of the same side', async () => {
    phone()
    vi.stubGlobal('navigator', Object.assign(Object.create(navigator), { mediaDevices: undefined }))
    startWizard('my_number_card')
    let id = 0
    mockXhr({
      [UPLOAD]: () => json(201, { id: `00000000-0000-4000-8000-00000000000${++id}`, role: 'number', slot: 0, side: 'back', width: 2000, height: 1260 }),
    })
    mockFetch(
      Object.fromEntries(
        [1, 2].map((n) => [
          `GET /api/employee/persons/${PERSON_ID}/images/00000000-0000-4000-8000-00000000000${n}/number-read`,
          () => json(200, { state: 'unreadable' }),
        ]),
      ),
    )
    vi.useFakeTimers({ shouldAdvanceTime: true })
    try {
      render(<CaptureStep image={{ ...FRONT, side: 'back' }} openCamera={false} processor={processor} />)
      await userEvent.upload(screen.getByLabelText('写真を選ぶ'), new File(['raw'], 'a.jpg', { type: 'image/jpeg' }))
      await act(() => vi.advanceTimersByTimeAsync(1_600))
      expect(await screen.findByText(/番号が読み取れませんでした。/)).toBeInTheDocument()
      expect(screen.queryByLabelText('スマートフォンのカメラアプリで撮る')).not.toBeInTheDocument()

      await userEvent.upload(screen.getByLabelText('うら面の画像を選び直す'), new File(['raw'], 'b.jpg', { type: 'image/jpeg' }))
      await act(() => vi.advanceTimersByTimeAsync(1_600))
      const native = await screen.findByLabelText('スマートフォンのカメラアプリで撮る')
      expect(native).toHaveAttribute('capture', 'environment')
      expect(screen.getByText(/2 回とも番号が読み取れませんでした/)).toBeInTheDocument()
    } finally {
      vi.useRealTimers()
    }
  })

  it('does not ask about a side without the number (a マイナンバーカード front)', async () => {
    startWizard('my_number_card')
    mockXhr({ [UPLOAD]: uploaded })
    const fetchMock = mockFetch({})
    vi.useFakeTimers({ shouldAdvanceTime: true })
    try {
      render(<CaptureStep image={FRONT} openCamera={false} processor={processor} />)
      await userEvent.upload(screen.getByLabelText('写真を選ぶ'), new File(['raw'], 'a.jpg', { type: 'image/jpeg' }))
      expect(await screen.findByText(/画像を保存しました/)).toBeInTheDocument()
      await act(() => vi.advanceTimersByTimeAsync(5_000))
      expect(fetchMock).not.toHaveBeenCalled()
    } finally {
      vi.useRealTimers()
    }
  })

  it('shows no warning for a good photo', async () => {
    startWizard('my_number_card')
    mockXhr({ [UPLOAD]: uploaded })
    render(<CaptureStep image={FRONT} openCamera={false} processor={processor} />)
    await userEvent.upload(screen.getByLabelText('写真を選ぶ'), new File(['raw'], 'a.jpg', { type: 'image/jpeg' }))
    expect(await screen.findByText(/画像を保存しました/)).toBeInTheDocument()
    expect(screen.queryByText('画像を確認してください')).not.toBeInTheDocument()
  })

  it('shows the upload progress as a labelled percentage', async () => {
    startWizard('my_number_card')
    let finish: () => void = () => undefined
    mockXhr({
      [UPLOAD]: async ({ progress }) => {
        progress(40, 100)
        await new Promise<void>((resolve) => (finish = resolve))
        progress(100, 100)
        return uploaded()
      },
    })
    render(<CaptureStep image={FRONT} openCamera={false} processor={processor} />)
    await userEvent.upload(screen.getByLabelText('写真を選ぶ'), new File(['raw'], 'a.jpg', { type: 'image/jpeg' }))

    const bar = await screen.findByRole('progressbar', { name: '送信の進み具合' })
    await vi.waitFor(() => expect(bar).toHaveAttribute('value', '40'))
    expect(screen.getByRole('status')).toHaveTextContent('画像を送信しています…40%')
    expect(screen.getByRole('button', { name: 'うら面へ進む' })).toBeDisabled()
    await act(async () => finish())
    expect(await screen.findByText(/画像を保存しました/)).toBeInTheDocument()
    expect(screen.queryByRole('progressbar')).not.toBeInTheDocument()
  })

  it('on a phone: ONE main camera action and one 「写真を選ぶ」, with the example and the help path', async () => {
    phone()
    startWizard('my_number_card')
    render(<CaptureStep image={FRONT} openCamera={false} processor={processor} />)
    const actions = document.querySelector('.capture-actions')!
    const controls = [...actions.querySelectorAll('button, label')]
    expect(controls.map((c) => c.textContent)).toEqual(['おもて面を撮影する', '写真を選ぶ'])
    expect(controls.map((c) => c.classList.contains('button--secondary'))).toEqual([false, true])
    expect(await screen.findByRole('img', { name: /マイナンバーカードのおもて面の見本/ })).toBeInTheDocument()
    expect(screen.getByText('うまく撮影できない場合')).toBeInTheDocument()
  })

  it('on a PC without a camera: 「写真を選ぶ」 first, no camera button, and 「スマートフォンで続ける」 right there', async () => {
    vi.stubGlobal('navigator', Object.assign(Object.create(navigator), { mediaDevices: { getUserMedia: vi.fn(), enumerateDevices: devices(['audioinput']) } }))
    startWizard('my_number_card')
    render(
      <CaptureHandoffContext.Provider value={<h2>スマートフォンで続ける</h2>}>
        <CaptureStep image={FRONT} openCamera={true} processor={processor} />
      </CaptureHandoffContext.Provider>,
    )
    await vi.waitFor(() => expect(screen.queryByRole('button', { name: 'おもて面を撮影する' })).not.toBeInTheDocument())
    const controls = [...document.querySelector('.capture-actions')!.querySelectorAll('button, label')]
    expect(controls.map((c) => c.textContent)).toEqual(['写真を選ぶ'])
    expect(controls[0]).not.toHaveClass('button--secondary')
    expect(screen.getByRole('heading', { name: 'スマートフォンで続ける' })).toBeInTheDocument()
    expect(webcam.props).toBeNull()
  })

  it('on a PC without a camera, speaks of choosing and clicking: no 「撮影する」 or 「撮り直す」, no 「タップ」', async () => {
    vi.stubGlobal('navigator', Object.assign(Object.create(navigator), { mediaDevices: { getUserMedia: vi.fn(), enumerateDevices: devices([]) } }))
    startWizard('my_number_card')
    mockXhr({ [UPLOAD]: uploaded })
    render(<CaptureStep image={FRONT} openCamera={false} processor={processor} />)
    expect(screen.getByText('写真の見本（イラスト）')).toBeInTheDocument()
    await userEvent.upload(screen.getByLabelText('写真を選ぶ'), new File(['raw'], 'a.jpg', { type: 'image/jpeg' }))

    expect(await screen.findByText(/画像を保存しました/)).toBeInTheDocument()
    expect(screen.getByRole('img', { name: 'おもて面の画像' })).toBeInTheDocument()
    expect(screen.getByLabelText('おもて面の画像を選び直す')).toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'うら面へ進む' })).toBeEnabled()
    const controls = [...document.querySelectorAll('button, label')].map((control) => control.textContent ?? '')
    expect(controls.filter((label) => /撮影する|撮り直す/.test(label))).toEqual([])
    expect(document.body.textContent).not.toMatch(/タップ/)
  })

  it('on a PC with a webcam: 「写真を選ぶ」 first, the camera second', async () => {
    vi.stubGlobal('navigator', Object.assign(Object.create(navigator), { mediaDevices: { getUserMedia: vi.fn(), enumerateDevices: devices(['videoinput']) } }))
    startWizard('my_number_card')
    render(<CaptureStep image={FRONT} openCamera={false} processor={processor} />)
    const controls = [...document.querySelector('.capture-actions')!.querySelectorAll('button, label')]
    expect(controls.map((c) => c.textContent)).toEqual(['写真を選ぶ', 'おもて面を撮影する'])
    expect(controls.map((c) => c.classList.contains('button--secondary'))).toEqual([false, true])
  })

  it('撮り直す opens the camera again, focused, with the old status and next step hidden', async () => {
    phone()
    startWizard('my_number_card')
    mockXhr({ [UPLOAD]: uploaded })
    render(<CaptureStep image={FRONT} openCamera={true} processor={processor} />)
    act(() => webcam.props?.onUserMedia({} as MediaStream))
    await vi.waitFor(() => expect(screen.getByRole('button', { name: '撮影' })).toBeEnabled())
    await userEvent.click(screen.getByRole('button', { name: '撮影' }))
    expect(await screen.findByText(/画像を保存しました/)).toBeInTheDocument()

    await userEvent.click(screen.getByRole('button', { name: 'おもて面を撮り直す' }))
    expect(await screen.findByRole('dialog', { name: 'おもて面を撮影' })).toHaveFocus()
    expect(screen.queryByText(/画像を保存しました/)).not.toBeInTheDocument()
    expect(screen.queryByRole('button', { name: 'うら面を撮影する' })).not.toBeInTheDocument()
    expect(screen.queryByRole('img', { name: 'おもて面の画像' })).not.toBeInTheDocument()
  })
})
