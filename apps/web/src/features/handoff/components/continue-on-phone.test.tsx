import { act, render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { apiError, calls, json, mockFetch } from '../../../test/fetch-mock.ts'
import { ContinueOnPhone, HANDOFF_POLL_MS } from './continue-on-phone.tsx'

const CODE = 'Qr_code-0123456789abcdefghijklmnopqrstuvwxy'

function pointer(coarse: boolean) {
  vi.stubGlobal('matchMedia', (query: string) => ({
    matches: coarse && query === '(pointer: coarse)',
    media: query,
    addEventListener() {},
    removeEventListener() {},
  }))
}
afterEach(() => vi.unstubAllGlobals())

describe('ContinueOnPhone', () => {
  it('shows a QR code of this session’s one-time URL, then offers a new one when it expires', async () => {
    pointer(false)
    const expiresAt = new Date(Date.now() + 60_000)
    mockFetch({
      'POST /api/employee/session/handoff': () => json(201, { code: CODE, issuedAt: new Date().toISOString(), expiresAt: expiresAt.toISOString() }),
      'GET /api/employee/session/handoff': () => json(200, { redeemedAt: null }),
    })
    let now = new Date()
    render(<ContinueOnPhone now={() => now} />)

    vi.useFakeTimers({ shouldAdvanceTime: true })
    try {
      await userEvent.click(screen.getByRole('button', { name: 'QR コードを表示する' }))
      const qr = await screen.findByRole('img', { name: 'スマートフォンで読み取る QR コード' })
      const svg = decodeURIComponent(qr.getAttribute('src')!.replace(/^data:image\/svg\+xml;charset=utf-8,/, ''))
      expect(svg).toMatch(/^<svg[\s\S]*<path/)
      expect(screen.getByText(`${window.location.origin}/h/${CODE}`)).toBeInTheDocument()
      expect(screen.queryByRole('button', { name: /QR コードを表示/ })).not.toBeInTheDocument()

      now = new Date(expiresAt.getTime() + 1)
      await act(async () => {
        vi.advanceTimersByTime(61_000)
      })
      expect(screen.queryByRole('img', { name: 'スマートフォンで読み取る QR コード' })).not.toBeInTheDocument()
      expect(screen.getByText('QR コードの有効期限が切れました。')).toBeInTheDocument()
      expect(screen.getByRole('button', { name: '新しい QR コードを表示する' })).toBeInTheDocument()
    } finally {
      vi.useRealTimers()
    }
  })

  it('carries where the PC is in the URL’s fragment, so the phone lands there', async () => {
    pointer(false)
    mockFetch({
      'POST /api/employee/session/handoff': () =>
        json(201, { code: CODE, issuedAt: new Date().toISOString(), expiresAt: new Date(Date.now() + 60_000).toISOString() }),
      'GET /api/employee/session/handoff': () => json(200, { redeemedAt: null }),
    })
    render(<ContinueOnPhone carry={() => 'at=position'} />)
    await userEvent.click(screen.getByRole('button', { name: 'QR コードを表示する' }))
    expect(await screen.findByText(`${window.location.origin}/h/${CODE}#at=position`)).toBeInTheDocument()
  })

  it('says so once the phone has taken over, instead of the QR code', async () => {
    pointer(false)
    const issuedAt = new Date()
    let redeemedAt: string | null = null
    const fetch = mockFetch({
      'POST /api/employee/session/handoff': () =>
        json(201, { code: CODE, issuedAt: issuedAt.toISOString(), expiresAt: new Date(Date.now() + 300_000).toISOString() }),
      'GET /api/employee/session/handoff': () => json(200, { redeemedAt }),
    })
    render(<ContinueOnPhone />)
    vi.useFakeTimers({ shouldAdvanceTime: true })
    try {
      await userEvent.click(screen.getByRole('button', { name: 'QR コードを表示する' }))
      await screen.findByRole('img', { name: 'スマートフォンで読み取る QR コード' })
      await act(async () => {
        vi.advanceTimersByTime(HANDOFF_POLL_MS + 10)
      })
      expect(screen.getByRole('img', { name: 'スマートフォンで読み取る QR コード' })).toBeInTheDocument()
      redeemedAt = new Date(issuedAt.getTime() + 1000).toISOString()
      await act(async () => {
        vi.advanceTimersByTime(HANDOFF_POLL_MS + 10)
      })
      expect(await screen.findByText(/スマートフォンで続きを開きました/)).toBeInTheDocument()
      expect(screen.queryByRole('img', { name: 'スマートフォンで読み取る QR コード' })).not.toBeInTheDocument()
      expect(calls(fetch, 'GET /api/employee/session/handoff').length).toBeGreaterThanOrEqual(2)
    } finally {
      vi.useRealTimers()
    }
  })

  it('shows the API’s message when the code cannot be issued', async () => {
    pointer(false)
    mockFetch({ 'POST /api/employee/session/handoff': () => apiError(429, 'RATE_LIMITED') })
    render(<ContinueOnPhone />)
    await userEvent.click(screen.getByRole('button', { name: 'QR コードを表示する' }))
    expect(await screen.findByText('アクセスが集中しています。しばらくしてからお試しください。')).toBeInTheDocument()
  })

  it('is not offered on a phone', () => {
    pointer(true)
    render(<ContinueOnPhone />)
    expect(screen.queryByRole('heading', { name: 'スマートフォンで続ける' })).not.toBeInTheDocument()
  })
})
