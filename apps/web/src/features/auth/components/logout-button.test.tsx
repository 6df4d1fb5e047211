import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'
import { useSessionStore } from '../../../lib/session.ts'
import { LogoutButton } from './logout-button.tsx'
import { NoTokenPage } from './no-token-page.tsx'

describe('ログアウト', () => {
  it('ends the session on the server, forgets the token and says it signed out', async () => {
    useSessionStore.getState().signIn({ accessToken: 'jwt-1', expiresAt: new Date(Date.now() + 900_000).toISOString() })
    const fetchMock = vi.fn(async () => new Response(null, { status: 204 }))
    vi.stubGlobal('fetch', fetchMock)
    render(<LogoutButton />)
    await userEvent.click(screen.getByRole('button', { name: 'ログアウト' }))
    expect(fetchMock).toHaveBeenCalledWith('/api/employee/session/logout', expect.objectContaining({ method: 'POST' }))
    const sent = (fetchMock.mock.calls[0] as unknown as [string, RequestInit])[1].headers as Record<string, string>
    expect(sent.Authorization).toBe('Bearer jwt-1')
    expect(useSessionStore.getState().accessToken).toBeNull()
    expect(sessionStorage.getItem('bango-session')).not.toContain('jwt-1')
    render(<NoTokenPage />)
    expect(screen.getByRole('heading', { name: 'ログアウトしました' })).toBeInTheDocument()
  })
})
