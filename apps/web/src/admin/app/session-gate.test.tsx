import { screen } from '@testing-library/react'
import { beforeAll, describe, expect, it } from 'vitest'
import { apiError, json, mockFetch } from '../../test/fetch-mock.ts'
import { COMPANY_ID, buildSession, openConsole } from '../test/console.tsx'

// The console is a lazy chunk: load it once up front so the first test does not wait on the transform.
beforeAll(() => import('./admin-app.tsx'))

const DEEP_LINK = `/admin/companies/${COMPANY_ID}/campaigns`

describe('the session gate', () => {
  it('shows ログイン when there is no session (401), whatever the URL', async () => {
    mockFetch({ 'GET /api/admin/session': () => apiError(401, 'UNAUTHENTICATED') })
    openConsole(DEEP_LINK)
    expect(await screen.findByRole('heading', { level: 1, name: 'ログイン' })).toBeInTheDocument()
    expect(screen.queryByRole('navigation')).not.toBeInTheDocument()
  })

  it.each([
    ['totp_required', '確認コード'],
    ['enrolment_required', '2 段階認証の設定'],
    ['password_change_required', 'パスワード変更'],
  ] as const)('opens the step a %s session needs, and nothing of the console', async (stage, heading) => {
    mockFetch({
      'GET /api/admin/session': () => json(200, buildSession(stage)),
      'POST /api/admin/account/totp': () => json(201, { secret: 'JBSWY3DPEHPK3PXP', uri: 'otpauth://totp/Bango:hr?secret=JBSWY3DPEHPK3PXP' }),
    })
    openConsole(DEEP_LINK)
    expect(await screen.findByRole('heading', { level: 1, name: heading })).toBeInTheDocument()
    expect(screen.queryByRole('navigation')).not.toBeInTheDocument()
  })

  it('reads the session again when a request answers SESSION_STEP_REQUIRED (2FA became required), and opens that step', async () => {
    let stage: 'active' | 'enrolment_required' = 'active'
    mockFetch({
      'GET /api/admin/session': () => json(200, buildSession(stage)),
      [`GET /api/admin/companies/${COMPANY_ID}/campaigns`]: () => {
        stage = 'enrolment_required'
        return apiError(403, 'SESSION_STEP_REQUIRED')
      },
    })
    openConsole(DEEP_LINK)
    expect(await screen.findByRole('heading', { level: 1, name: '2 段階認証の設定' })).toBeInTheDocument()
    expect(screen.queryByRole('navigation')).not.toBeInTheDocument()
  })

  it('opens the deep link itself for an active session, inside the layout', async () => {
    mockFetch({
      'GET /api/admin/session': () => json(200, buildSession('active')),
      [`GET /api/admin/companies/${COMPANY_ID}/campaigns`]: () => json(200, { campaigns: [] }),
    })
    openConsole(DEEP_LINK)
    expect(await screen.findByRole('heading', { level: 1, name: '株式会社総合 の収集依頼' })).toBeInTheDocument()
    const nav = screen.getByRole('navigation', { name: 'メインメニュー' })
    expect(nav).toHaveTextContent('担当者アカウント')
    expect(nav).not.toHaveTextContent('システム設定')
    expect(screen.getByRole('button', { name: 'ログアウト' })).toBeInTheDocument()
  })

  it('shows the text for the code when the session cannot be read', async () => {
    mockFetch({ 'GET /api/admin/session': () => apiError(500, 'INTERNAL') })
    openConsole('/admin')
    expect(await screen.findByRole('alert', {}, { timeout: 3000 })).toHaveTextContent('サーバーで問題が発生しました。')
  })
})
