/**
 * Nothing lost (ADR 022): a reload, a new tab and the browser's back/forward keep the
 * employee on the same person and step, with the images the server has shown as sent.
 */
import { render, screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { createMemoryRouter, RouterProvider } from 'react-router'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { paths, routePatterns } from '../../../config/paths.ts'
import { WIZARD_POSITION_STORAGE_KEY } from '../../../lib/session.ts'
import { buildPerson, buildPersons } from '../../../test/factories.ts'
import { calls, json, mockFetch } from '../../../test/fetch-mock.ts'
import type { WizardStep } from '../stores/wizard-store.ts'
import { PersonPage } from './person-page.tsx'

const IMAGE_ID = '11111111-2222-4333-8444-555555555555'
const thumbnail = () => new Response(new Uint8Array([0xff, 0xd8, 0xff, 0xd9]), { status: 200, headers: { 'Content-Type': 'image/jpeg' } })
const front = { role: 'number', slot: 0, side: 'front' } as const
const captureStep = (side: 'front' | 'back'): WizardStep => ({ name: 'capture', image: { ...front, side }, openCamera: false })
const search = (step: string) => `?step=${encodeURIComponent(step)}`

type Entry = string | { pathname: string; search: string; state: { wizardDepth: number } }

function renderPerson(initialEntries: Entry[]) {
  const router = createMemoryRouter(
    [
      { path: routePatterns.person, element: <PersonPage /> },
      { path: routePatterns.targets, element: <p>一覧</p> },
    ],
    { initialEntries, initialIndex: initialEntries.length - 1 },
  )
  render(<RouterProvider router={router} />)
  return router
}

const depth = (router: ReturnType<typeof renderPerson>) => (router.state.location.state as { wizardDepth?: number } | null)?.wizardDepth

beforeEach(() => {
  // A phone with a camera: the capture screen offers 「おもて面を撮影する」 / 「うら面を撮影する」.
  vi.stubGlobal('matchMedia', (query: string) => ({ matches: query === '(pointer: coarse)', media: query }))
  vi.stubGlobal(
    'navigator',
    Object.assign(Object.create(navigator), { mediaDevices: { getUserMedia: vi.fn(), enumerateDevices: vi.fn(async () => [{ kind: 'videoinput' }]) } }),
  )
  let n = 0
  URL.createObjectURL = vi.fn(() => `blob:thumbnail-${++n}`)
  URL.revokeObjectURL = vi.fn()
})

describe('resuming the wizard', () => {
  it('after a reload: the same step, the image already sent shown as sent, and back/forward through the steps before it', async () => {
    const child = buildPerson({ kind: 'dependent', name: '総合 花子' })
    sessionStorage.setItem(
      WIZARD_POSITION_STORAGE_KEY,
      JSON.stringify({
        personId: child.id,
        step: captureStep('back'),
        history: [{ name: 'menu' }, captureStep('front')],
        numberDocument: { type: 'my_number_card', hasBack: true },
        identity: null,
      }),
    )
    const fetchMock = mockFetch({
      'GET /api/employee/persons': () => json(200, buildPersons([buildPerson(), child])),
      [`GET /api/employee/persons/${child.id}/draft`]: () => json(200, { images: [{ id: IMAGE_ID, ...front, type: 'my_number_card', backAbsent: false }] }),
      [`GET /api/employee/persons/${child.id}/images/${IMAGE_ID}`]: thumbnail,
    })
    // The browser keeps its history entries (and their state) across a reload.
    const person = paths.person(child.id)
    const router = renderPerson([
      paths.targets(),
      { pathname: person, search: search('menu'), state: { wizardDepth: 0 } },
      { pathname: person, search: search('capture:number-0-front'), state: { wizardDepth: 1 } },
      { pathname: person, search: search('capture:number-0-back'), state: { wizardDepth: 2 } },
    ])

    expect(await screen.findByRole('heading', { name: 'うら面' })).toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'うら面を撮影する' })).toBeInTheDocument()
    expect(calls(fetchMock, `GET /api/employee/persons/${child.id}/images/${IMAGE_ID}`)).toHaveLength(1)

    // The phone's back button: the front, as sent, with its thumbnail.
    await router.navigate(-1)
    expect(await screen.findByRole('heading', { name: 'おもて面' })).toBeInTheDocument()
    expect(screen.getByRole('img', { name: 'おもて面の画像' })).toHaveAttribute('src', 'blob:thumbnail-1')
    expect(screen.getByRole('status')).toHaveTextContent('画像を保存しました')
    expect(screen.getByRole('button', { name: 'うら面を撮影する' })).toBeEnabled()

    // Forward again, then back twice: the menu, then out of the wizard.
    await router.navigate(1)
    expect(await screen.findByRole('heading', { name: 'うら面' })).toBeInTheDocument()
    await router.navigate(-2)
    expect(await screen.findByRole('radio', { name: '顔写真つき個人番号カード（マイナンバーカード）' })).toBeChecked()
    await router.navigate(-1)
    expect(await screen.findByText('一覧')).toBeInTheDocument()
  })

  it('in a new tab (nothing kept): the step the server draft shows, with the steps before it to go back to', async () => {
    const child = buildPerson({ kind: 'dependent', name: '総合 花子' })
    const back = '66666666-2222-4333-8444-555555555555'
    mockFetch({
      'GET /api/employee/persons': () => json(200, buildPersons([buildPerson(), child])),
      [`GET /api/employee/persons/${child.id}/draft`]: () =>
        json(200, {
          images: [
            { id: IMAGE_ID, ...front, type: 'my_number_card', backAbsent: false },
            { id: back, ...front, side: 'back', type: 'my_number_card', backAbsent: false },
          ],
        }),
      [`GET /api/employee/persons/${child.id}/images/${IMAGE_ID}`]: thumbnail,
      [`GET /api/employee/persons/${child.id}/images/${back}`]: thumbnail,
    })
    const router = renderPerson([paths.targets(), paths.person(child.id)])

    expect(await screen.findByRole('heading', { name: '確認' })).toBeInTheDocument()
    // Both images are there (as sent): 「登録する」 is open.
    expect(screen.getByRole('button', { name: '登録する' })).toBeEnabled()
    expect(router.state.location.search).toBe(search('confirm'))
    expect(depth(router)).toBe(3)
    await router.navigate(-1)
    expect(await screen.findByRole('heading', { name: 'うら面' })).toBeInTheDocument()
    expect(screen.getByRole('status')).toHaveTextContent('画像を保存しました')
    // Kept for the next reload of this tab: the step and the choices, never an image.
    const kept = sessionStorage.getItem(WIZARD_POSITION_STORAGE_KEY)!
    expect(JSON.parse(kept)).toMatchObject({ personId: child.id, step: captureStep('back'), numberDocument: { type: 'my_number_card', hasBack: true } })
    expect(kept).not.toContain('blob:')
  })

  it('makes every step a history entry: the in-app 「戻る」 is the browser back, forward comes back', async () => {
    const employee = buildPerson()
    mockFetch({
      'GET /api/employee/persons': () => json(200, buildPersons([employee])),
      [`GET /api/employee/persons/${employee.id}/draft`]: () => json(200, { images: [] }),
    })
    const router = renderPerson([paths.targets(), paths.person(employee.id)])

    await userEvent.click(await screen.findByRole('radio', { name: '通知カード（紙製のもの）' }))
    await userEvent.click(screen.getByRole('button', { name: '次へ' }))
    expect(await screen.findByRole('button', { name: 'おもて面を撮影する' })).toBeInTheDocument()
    expect(router.state.historyAction).toBe('PUSH')
    expect(router.state.location.search).toBe(search('capture:number-0-front'))
    expect(depth(router)).toBe(1)

    await userEvent.click(screen.getByRole('button', { name: '戻る' }))
    expect(await screen.findByRole('radio', { name: '通知カード（紙製のもの）' })).toBeChecked()
    await waitFor(() => expect(router.state.historyAction).toBe('POP'))
    expect(depth(router)).toBe(0)
    expect(router.state.location.search).toBe(search('menu'))

    await router.navigate(1)
    expect(await screen.findByRole('button', { name: 'おもて面を撮影する' })).toBeInTheDocument()
    await router.navigate(-2)
    expect(await screen.findByText('一覧')).toBeInTheDocument()
  })

  it('forgets nothing it should not: a registered person starts from the notice and the kept position is dropped', async () => {
    const employee = buildPerson({ status: 'registered' })
    sessionStorage.setItem(
      WIZARD_POSITION_STORAGE_KEY,
      JSON.stringify({
        personId: employee.id,
        step: { name: 'confirm' },
        history: [],
        numberDocument: { type: 'my_number_card', hasBack: true },
        identity: null,
      }),
    )
    const fetchMock = mockFetch({ 'GET /api/employee/persons': () => json(200, buildPersons([employee])) })
    renderPerson([paths.person(employee.id)])
    expect(await screen.findByRole('heading', { name: 'この方の書類は登録済みです' })).toBeInTheDocument()
    // Registered images stay unviewable: not even asked for.
    expect(fetchMock.mock.calls.map(([url]) => String(url))).toEqual(['/api/employee/persons'])
    expect(sessionStorage.getItem(WIZARD_POSITION_STORAGE_KEY)).toBeNull()
  })
})
