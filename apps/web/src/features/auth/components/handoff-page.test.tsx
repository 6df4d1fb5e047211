import { render, screen } from '@testing-library/react'
import { createMemoryRouter, RouterProvider } from 'react-router'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { paths, routePatterns } from '../../../config/paths.ts'
import { SESSION_STORAGE_KEY, useSessionStore } from '../../../lib/session.ts'
import { apiError, calls, json, mockFetch } from '../../../test/fetch-mock.ts'
import { HandoffPage } from './handoff-page.tsx'

const CODE = 'Zz9_handoff-code-0123456789abcdefghijklmnop'
const JWT = 'eyJhbGciOiJIUzI1NiJ9.handoff.signature'

function renderAt(url: string, land?: (fragment: string) => string | null) {
  const router = createMemoryRouter(
    [
      { path: routePatterns.handoff, element: <HandoffPage land={land} /> },
      { path: routePatterns.targets, element: <p>一覧</p> },
      { path: routePatterns.person, element: <p>書類登録</p> },
    ],
    { initialEntries: [url] },
  )
  render(<RouterProvider router={router} />)
  return router
}

beforeEach(() => {
  useSessionStore.setState({ accessToken: null, refreshAfter: null, expired: false })
})

describe('HandoffPage', () => {
  it('spends the code once, signs in and drops the code from the address bar', async () => {
    const fetchMock = mockFetch({
      'POST /api/employee/session/handoff/redeem': () => json(200, { accessToken: JWT, expiresAt: new Date(Date.now() + 900_000).toISOString() }),
    })
    const router = renderAt(paths.handoff(CODE))
    expect(await screen.findByText('一覧')).toBeInTheDocument()
    expect(router.state.location.pathname).toBe('/targets')
    expect(router.state.historyAction).toBe('REPLACE')
    const redeemCalls = calls(fetchMock, 'POST /api/employee/session/handoff/redeem')
    expect(redeemCalls).toHaveLength(1)
    expect(JSON.parse(String(redeemCalls[0]![1]?.body))).toEqual({ code: CODE })
    expect(useSessionStore.getState().accessToken).toBe(JWT)
    expect(sessionStorage.getItem(SESSION_STORAGE_KEY)).toContain(JWT)
    expect(localStorage.length).toBe(0)
  })

  it('lands where the PC was when the QR code carries it, and on the list when what it carries is not a place', async () => {
    mockFetch({
      'POST /api/employee/session/handoff/redeem': () => json(200, { accessToken: JWT, expiresAt: new Date(Date.now() + 900_000).toISOString() }),
    })
    const land = vi.fn((fragment: string) => (fragment === 'at=here' ? paths.person('00000000-0000-4000-8000-0000000000c1') : null))
    const router = renderAt(`${paths.handoff(CODE)}#at=here`, land)
    expect(await screen.findByText('書類登録')).toBeInTheDocument()
    expect(router.state.location).toMatchObject({ pathname: '/persons/00000000-0000-4000-8000-0000000000c1', hash: '' })
    expect(router.state.historyAction).toBe('REPLACE')
    expect(land).toHaveBeenCalledWith('at=here')
  })

  it('lands on the list when the fragment is not a place', async () => {
    mockFetch({
      'POST /api/employee/session/handoff/redeem': () => json(200, { accessToken: JWT, expiresAt: new Date(Date.now() + 900_000).toISOString() }),
    })
    const router = renderAt(`${paths.handoff(CODE)}#at=nonsense`, () => null)
    expect(await screen.findByText('一覧')).toBeInTheDocument()
    expect(router.state.location.pathname).toBe('/targets')
  })

  it('explains a used or expired code and how to get in instead', async () => {
    mockFetch({
      'POST /api/employee/session/handoff/redeem': () => apiError(401, 'HANDOFF_INVALID'),
    })
    renderAt(paths.handoff(CODE))
    expect(await screen.findByRole('heading', { name: 'この QR コードは使えません' })).toBeInTheDocument()
    expect(screen.getByText(/この QR コードは使用済みか、有効期限が切れています。/)).toBeInTheDocument()
    expect(useSessionStore.getState().accessToken).toBeNull()
  })
})
