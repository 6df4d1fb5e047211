import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { createMemoryRouter, RouterProvider } from 'react-router'
import { describe, expect, it, vi } from 'vitest'
import { paths, routePatterns } from '../../../config/paths.ts'
import { buildPerson, buildPersons } from '../../../test/factories.ts'
import { apiError, calls, json, mockFetch } from '../../../test/fetch-mock.ts'
import { PersonPage } from './person-page.tsx'

function renderPerson(personId: string) {
  const router = createMemoryRouter(
    [
      { path: routePatterns.person, element: <PersonPage /> },
      { path: routePatterns.targets, element: <p>一覧</p> },
    ],
    { initialEntries: [paths.person(personId)] },
  )
  render(<RouterProvider router={router} />)
  return router
}

describe('PersonPage', () => {
  it('sets a dependent as 対象外 and returns to TOP', async () => {
    const child = buildPerson({ kind: 'dependent', name: '総合 花子', relationship: '子' })
    const fetchMock = mockFetch({
      'GET /api/employee/persons': () => json(200, buildPersons([buildPerson(), child])),
      [`PUT /api/employee/persons/${child.id}/applicability`]: () => json(200, { ...child, status: 'not_applicable' }),
    })
    const router = renderPerson(child.id)

    expect(await screen.findByRole('heading', { name: '総合 花子 さんの書類登録' })).toBeInTheDocument()
    // The wizard starts in an effect after the heading's first render: wait for it, do not race it.
    expect(await screen.findByRole('radio', { name: '顔写真つき個人番号カード（マイナンバーカード）' })).toBeInTheDocument()
    expect(screen.getByRole('button', { name: '次へ' })).toBeDisabled()
    await userEvent.click(screen.getByRole('radio', { name: '現在は扶養していない、または住民票がない' }))
    await userEvent.click(screen.getByRole('button', { name: '次へ' }))

    expect(await screen.findByRole('heading', { name: '対象外に設定しました' })).toBeInTheDocument()
    const [, init] = calls(fetchMock, `PUT /api/employee/persons/${child.id}/applicability`)[0]!
    expect(JSON.parse(String(init?.body))).toEqual({ applicable: false })
    await userEvent.click(screen.getByRole('button', { name: 'TOP に戻る' }))
    expect(router.state.location.pathname).toBe('/targets')
  })

  it('tells a phone with a camera to photograph, and a PC to choose images', async () => {
    const employee = buildPerson()
    mockFetch({ 'GET /api/employee/persons': () => json(200, buildPersons([employee])) })
    renderPerson(employee.id)
    // jsdom is a PC: the notes speak of the images to choose.
    expect(await screen.findByText('おもて面とうら面の両方の画像を選びます（個人番号はうら面に記載されています）。')).toBeInTheDocument()
    expect(screen.getByText('書類全体が写り、文字にピントが合った画像を選んでください。')).toBeInTheDocument()
  })

  it('keeps the manual’s 「撮影」 on a phone with a camera', async () => {
    vi.stubGlobal('matchMedia', (query: string) => ({ matches: query === '(pointer: coarse)', media: query }))
    vi.stubGlobal(
      'navigator',
      Object.assign(Object.create(navigator), { mediaDevices: { getUserMedia: vi.fn(), enumerateDevices: vi.fn(async () => [{ kind: 'videoinput' }]) } }),
    )
    const employee = buildPerson()
    mockFetch({ 'GET /api/employee/persons': () => json(200, buildPersons([employee])) })
    renderPerson(employee.id)
    expect(await screen.findByText('おもて面とうら面の両方を撮影します（個人番号はうら面に記載されています）。')).toBeInTheDocument()
    expect(screen.getByText('書類全体をカメラの枠内におさめ、文字にピントを合わせて撮影してください。')).toBeInTheDocument()
  })

  it('offers no 対象外 option for the employee, and starts with おもて面 after choosing the type', async () => {
    const employee = buildPerson()
    mockFetch({ 'GET /api/employee/persons': () => json(200, buildPersons([employee])) })
    renderPerson(employee.id)
    await userEvent.click(await screen.findByRole('radio', { name: '通知カード（紙製のもの）' }))
    expect(screen.queryByRole('radio', { name: /扶養していない/ })).not.toBeInTheDocument()
    await userEvent.click(screen.getByRole('button', { name: '次へ' }))
    // jsdom is a PC without a camera API: 「写真を選ぶ」 is the one action.
    expect(await screen.findByRole('heading', { name: 'おもて面' })).toBeInTheDocument()
    expect(screen.getByLabelText('写真を選ぶ')).toBeInTheDocument()
  })

  it('says a registered person is registered and shows no image', async () => {
    const employee = buildPerson({ status: 'registered' })
    mockFetch({ 'GET /api/employee/persons': () => json(200, buildPersons([employee])) })
    renderPerson(employee.id)
    expect(await screen.findByRole('heading', { name: 'この方の書類は登録済みです' })).toBeInTheDocument()
    expect(screen.queryByRole('img')).not.toBeInTheDocument()
  })

  it('starts a registered person over on request: the server discards, the menu reopens', async () => {
    const employee = buildPerson({ status: 'registered' })
    const fetchMock = mockFetch({
      'GET /api/employee/persons': () => json(200, buildPersons([employee])),
      [`DELETE /api/employee/persons/${employee.id}/registration`]: () => json(200, { ...employee, status: 'pending' }),
    })
    renderPerson(employee.id)
    await userEvent.click(await screen.findByRole('button', { name: '登録をやり直す' }))
    expect(await screen.findByRole('radio', { name: '通知カード（紙製のもの）' })).toBeInTheDocument()
    expect(calls(fetchMock, `DELETE /api/employee/persons/${employee.id}/registration`)).toHaveLength(1)
  })

  it('stays on the notice and shows the API’s message when starting over is refused', async () => {
    const employee = buildPerson({ status: 'registered' })
    mockFetch({
      'GET /api/employee/persons': () => json(200, buildPersons([employee])),
      [`DELETE /api/employee/persons/${employee.id}/registration`]: () => apiError(409, 'ALREADY_SUBMITTED'),
    })
    renderPerson(employee.id)
    await userEvent.click(await screen.findByRole('button', { name: '登録をやり直す' }))
    expect(await screen.findByText(/登録はすでに完了しています。/)).toBeInTheDocument()
    expect(screen.getByRole('heading', { name: 'この方の書類は登録済みです' })).toBeInTheDocument()
  })

  it('makes a 対象外 person a target again', async () => {
    const father = buildPerson({ kind: 'dependent', name: '総合 一郎', status: 'not_applicable' })
    mockFetch({
      'GET /api/employee/persons': () => json(200, buildPersons([father])),
      [`PUT /api/employee/persons/${father.id}/applicability`]: () => json(200, { ...father, status: 'pending' }),
    })
    renderPerson(father.id)
    await userEvent.click(await screen.findByRole('button', { name: '対象に戻す' }))
    expect(await screen.findByRole('radio', { name: '個人番号が記載された住民票' })).toBeInTheDocument()
  })
})
