import { fireEvent, render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { json } from '../../../test/fetch-mock.ts'
import { mockXhr } from '../../../test/xhr-mock.ts'
import { useWizardStore } from '../stores/wizard-store.ts'
import type { ImageProcessor } from '../utils/image-processor.ts'
import type { PreparedImage } from '../utils/prepare-image.ts'
import { CaptureStep } from './capture-step.tsx'

const PERSON_ID = '00000000-0000-4000-8000-000000000001'
const UPLOAD = `POST /api/employee/persons/${PERSON_ID}/images`
const FRONT = { role: 'identity', slot: 0, side: 'front' } as const
const uploaded = () => json(201, { id: '00000000-0000-4000-8000-0000000000aa', role: 'identity', slot: 0, side: 'front', width: 2000, height: 1260 })
const FILE_LABEL = '写真を選ぶ'

const unmasked: PreparedImage = { jpeg: new Blob(['UNMASKED'], { type: 'image/jpeg' }), width: 2000, height: 1260, gray: null }
const masked = new Blob(['MASKED'], { type: 'image/jpeg' })
/** Only the canvas work is stubbed: geometry, boxes, upload and navigation are real. */
const processor: ImageProcessor = {
  fromFile: vi.fn(async () => unmasked),
  fromVideo: vi.fn(async () => unmasked),
  burnMasks: vi.fn(async () => masked),
}

function startWizard(identityType: 'health_insurance' | 'pension_book') {
  const wizard = useWizardStore.getState()
  wizard.start({ id: PERSON_ID, name: '総合 太郎', kind: 'employee', status: 'pending' })
  wizard.chooseNumberDocument('notification_card')
  wizard.chooseIdentityPhoto(false)
  wizard.chooseIdentityType(0, identityType)
}

/** A 健康保険証 おもて面 chosen from a file: the masking screen, nothing sent yet. */
async function openMaskingScreen() {
  startWizard('health_insurance')
  const xhr = mockXhr({ [UPLOAD]: uploaded })
  render(<CaptureStep image={FRONT} openCamera={false} processor={processor} />)
  await userEvent.upload(screen.getByLabelText(FILE_LABEL), new File(['raw'], 'hoken.jpg', { type: 'image/jpeg' }))
  const canvas = await screen.findByRole('application', { name: 'おもて面の画像（なぞって隠す部分を指定します）' })
  return { xhr, canvas }
}

/** The canvas shown 500 × 315 CSS px at (10, 20): a quarter of the 2000 × 1260 image. */
function layOut(canvas: HTMLElement) {
  vi.spyOn(canvas, 'getBoundingClientRect').mockReturnValue({ left: 10, top: 20, width: 500, height: 315 } as DOMRect)
}

/** Drags from one point to another (CSS px in the viewport), the way a finger or a mouse does. */
function drag(canvas: HTMLElement, from: [number, number], to: [number, number]) {
  fireEvent.pointerDown(canvas, { pointerId: 7, clientX: from[0], clientY: from[1], button: 0 })
  fireEvent.pointerMove(canvas, { pointerId: 7, clientX: (from[0] + to[0]) / 2, clientY: (from[1] + to[1]) / 2 })
  fireEvent.pointerMove(canvas, { pointerId: 7, clientX: to[0], clientY: to[1] })
  fireEvent.pointerUp(canvas, { pointerId: 7, clientX: to[0], clientY: to[1] })
}

beforeEach(() => {
  vi.clearAllMocks()
  URL.createObjectURL = vi.fn((blob: Blob) => (blob === masked ? 'blob:masked' : 'blob:unmasked'))
  URL.revokeObjectURL = vi.fn()
})

describe('健康保険証 masking', () => {
  it('holds the picture until at least one box is drawn, then sends only the burnt-in copy', async () => {
    const { xhr, canvas } = await openMaskingScreen()
    expect(canvas.tagName).toBe('CANVAS')
    expect(screen.getByText(/告知要求制限/)).toBeInTheDocument()
    const send = screen.getByRole('button', { name: '隠して送信する' })
    expect(send).toBeDisabled()
    expect(xhr.requests(UPLOAD)).toHaveLength(0)
    expect(useWizardStore.getState().images['identity-0-front']).toBeUndefined()
    // No way on to the back side while the picture is unmasked.
    expect(screen.queryByRole('button', { name: 'うら面へ進む' })).not.toBeInTheDocument()

    layOut(canvas)
    // Dragged right-to-left and upwards: still one box, normalised, in image pixels (× 4).
    drag(canvas, [110, 120], [60, 70])
    expect(screen.getByText('隠した部分：1 か所')).toBeInTheDocument()
    expect(send).toBeEnabled()
    await userEvent.click(send)

    expect(processor.burnMasks).toHaveBeenCalledWith(unmasked, [{ x: 200, y: 200, width: 200, height: 200 }])
    expect(await screen.findByText(/画像を保存しました/)).toBeInTheDocument()
    const file = (xhr.requests(UPLOAD)[0]!.body as FormData).get('file') as File
    expect(await file.text()).toBe('MASKED')
    expect(xhr.requests(UPLOAD)).toHaveLength(1)
    expect(useWizardStore.getState().images['identity-0-front']?.blob).toBe(masked)
    expect(screen.getByRole('img', { name: 'おもて面の画像' })).toHaveAttribute('src', 'blob:masked')
    expect(URL.revokeObjectURL).toHaveBeenCalledWith('blob:unmasked')
    expect(screen.getByRole('button', { name: 'うら面へ進む' })).toBeEnabled()
  })

  it('「元に戻す」 removes the last box, 「すべて消す」 all of them, and a tap draws nothing', async () => {
    const { canvas } = await openMaskingScreen()
    layOut(canvas)
    const send = screen.getByRole('button', { name: '隠して送信する' })

    drag(canvas, [100, 100], [102, 101])
    expect(screen.getByText('まだ隠した部分はありません')).toBeInTheDocument()
    drag(canvas, [20, 30], [80, 60])
    drag(canvas, [200, 200], [300, 260])
    drag(canvas, [400, 40], [480, 90])
    expect(screen.getByText('隠した部分：3 か所')).toBeInTheDocument()
    await userEvent.click(screen.getByRole('button', { name: '元に戻す' }))
    expect(screen.getByText('隠した部分：2 か所')).toBeInTheDocument()
    await userEvent.click(screen.getByRole('button', { name: 'すべて消す' }))
    expect(screen.getByText('まだ隠した部分はありません')).toBeInTheDocument()
    expect(send).toBeDisabled()
    expect(screen.getByRole('button', { name: '元に戻す' })).toBeDisabled()

    drag(canvas, [20, 30], [80, 60])
    await userEvent.click(send)
    expect(processor.burnMasks).toHaveBeenCalledWith(unmasked, [{ x: 40, y: 40, width: 240, height: 120 }])
  })

  it('works with the keyboard alone: arrow keys show and move a frame, Shift resizes it, Enter hides that part', async () => {
    const { canvas } = await openMaskingScreen()
    expect(canvas).toHaveAccessibleDescription(/矢印キー/)

    await userEvent.tab()
    expect(canvas).toHaveFocus()
    await userEvent.keyboard('{Enter}')
    expect(screen.getByText('まだ隠した部分はありません')).toBeInTheDocument()

    // The first arrow shows the centred 600 × 151.2 frame; then each press is 1/50 of the picture.
    await userEvent.keyboard('{ArrowRight}{ArrowRight}{ArrowUp}{Shift>}{ArrowRight}{ArrowDown}{/Shift}{Enter}')
    expect(screen.getByText('隠した部分：1 か所')).toBeInTheDocument()
    await userEvent.keyboard('{Escape}{Enter}')
    expect(screen.getByText('隠した部分：1 か所')).toBeInTheDocument()

    await userEvent.click(screen.getByRole('button', { name: '隠して送信する' }))
    const [[, boxes]] = vi.mocked(processor.burnMasks).mock.calls as [[PreparedImage, { x: number; y: number; width: number; height: number }[]]]
    expect(boxes).toHaveLength(1)
    expect(boxes[0]!.x).toBeCloseTo(740)
    expect(boxes[0]!.y).toBeCloseTo(554.4 - 25.2)
    expect(boxes[0]!.width).toBeCloseTo(640)
    expect(boxes[0]!.height).toBeCloseTo(151.2 + 25.2)
  })

  it('撮り直す from the masking screen drops the unmasked picture without sending anything', async () => {
    // A PC: 「おもて面の画像を選び直す」 chooses another file (a phone's opens the camera, see capture-step.test.tsx).
    const { xhr } = await openMaskingScreen()

    await userEvent.upload(screen.getByLabelText('おもて面の画像を選び直す'), new File(['again'], 'again.jpg', { type: 'image/jpeg' }))
    expect(URL.revokeObjectURL).toHaveBeenCalledWith('blob:unmasked')
    expect(await screen.findByRole('button', { name: '隠して送信する' })).toBeDisabled()
    expect(screen.getByText('まだ隠した部分はありません')).toBeInTheDocument()
    expect(xhr.requests(UPLOAD)).toHaveLength(0)
    expect(processor.burnMasks).not.toHaveBeenCalled()
  })

  it('other identity documents are uploaded without the masking screen', async () => {
    startWizard('pension_book')
    const xhr = mockXhr({ [UPLOAD]: uploaded })
    render(<CaptureStep image={FRONT} openCamera={false} processor={processor} />)
    await userEvent.upload(screen.getByLabelText(FILE_LABEL), new File(['raw'], 'nenkin.jpg', { type: 'image/jpeg' }))
    expect(await screen.findByText(/画像を保存しました/)).toBeInTheDocument()
    expect(screen.queryByRole('button', { name: '隠して送信する' })).not.toBeInTheDocument()
    expect(await ((xhr.requests(UPLOAD)[0]!.body as FormData).get('file') as File).text()).toBe('UNMASKED')
  })
})
