import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { MemoryRouter } from 'react-router'
import { beforeEach, describe, expect, it } from 'vitest'
import { useMeStore } from '../lib/me-store.ts'
import { useSessionStore } from '../lib/session.ts'
import { buildMe, buildPerson, buildPersons } from '../test/factories.ts'
import { apiError, calls, json, mockFetch } from '../test/fetch-mock.ts'
import { AppRoutes } from './router.tsx'

const renderApp = (url: string) =>
  render(
    <MemoryRouter initialEntries={[url]}>
      <AppRoutes />
    </MemoryRouter>,
  )

beforeEach(() => {
  useMeStore.setState({ me: null })
  useSessionStore.setState({ accessToken: 'jwt', refreshAfter: Date.now() + 60_000, expired: false })
})

describe('AppRoutes', () => {
  it('asks for consent first and sends exactly the purposes shown', async () => {
    const me = buildMe({ consentedAt: null })
    const fetchMock = mockFetch({
      'GET /api/employee/me': () => json(200, me),
      'POST /api/employee/consent': () => json(200, { consentedAt: '2026-11-25T09:00:00.000Z' }),
      'GET /api/employee/persons': () => json(200, buildPersons([buildPerson()])),
    })
    renderApp('/targets')

    expect(await screen.findByRole('heading', { name: '個人番号の利用目的' })).toBeInTheDocument()
    expect(screen.getByText('源泉徴収票作成事務')).toBeInTheDocument()
    await userEvent.click(screen.getByRole('button', { name: '同意します' }))

    expect(await screen.findByRole('heading', { name: '収集対象者一覧' })).toBeInTheDocument()
    const [, init] = calls(fetchMock, 'POST /api/employee/consent')[0]!
    expect(JSON.parse(String(init?.body))).toEqual({ purposes: me.campaign.purposes, language: 'ja' })
    expect(new Headers(init?.headers).get('Authorization')).toBe('Bearer jwt')
  })

  it('goes to the session-expired screen when the API answers 401', async () => {
    mockFetch({ 'GET /api/employee/me': () => apiError(401, 'UNAUTHENTICATED') })
    renderApp('/targets')
    expect(await screen.findByRole('heading', { name: '一定時間操作がなかったため、ログアウトしました' })).toBeInTheDocument()
    expect(useSessionStore.getState().accessToken).toBeNull()
  })

  it('shows the completion screen once submitted', async () => {
    mockFetch({ 'GET /api/employee/me': () => json(200, buildMe({ submittedAt: '2026-11-25T10:00:00.000Z' })) })
    renderApp('/targets')
    expect(await screen.findByText(/ブラウザを閉じて/)).toBeInTheDocument()
  })

  it('names a dependent whose documents were disposed of on the completion screen', async () => {
    mockFetch({
      'GET /api/employee/me': () =>
        json(200, buildMe({ submittedAt: '2026-11-25T10:00:00.000Z', disposedPersons: [{ name: '総合 花子', disposedAt: '2026-11-26T10:00:00.000Z' }] })),
    })
    renderApp('/done')
    expect(await screen.findByText('総合 花子 さんの記録は廃棄されました。')).toBeInTheDocument()
    expect(screen.getByText(/ブラウザを閉じて/)).toBeInTheDocument()
  })

  it('asks for the personal link when there is no session', () => {
    useSessionStore.setState({ accessToken: null })
    renderApp('/targets')
    expect(screen.getByRole('heading', { name: 'ログイン用の URL を開いてください' })).toBeInTheDocument()
  })
})
