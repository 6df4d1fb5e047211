import { screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { beforeAll, describe, expect, it } from 'vitest'
import { apiError, calls, json, mockFetch } from '../../../../test/fetch-mock.ts'
import { COMPANY_ID, buildSession, openConsole } from '../../../test/console.tsx'

beforeAll(() => import('../../../app/admin-app.tsx'))

describe('ログイン → 確認コード', () => {
  it('checks the fields before sending anything, and focuses the first wrong one', async () => {
    const fetchMock = mockFetch({ 'GET /api/admin/session': () => apiError(401, 'UNAUTHENTICATED') })
    openConsole('/admin')
    await userEvent.click(await screen.findByRole('button', { name: 'ログイン' }))
    const email = screen.getByLabelText('メールアドレス')
    expect(email).toHaveAccessibleDescription('入力してください')
    expect(email).toHaveAttribute('aria-invalid', 'true')
    expect(email).toHaveFocus()
    await userEvent.type(email, 'not-an-address')
    await userEvent.click(screen.getByRole('button', { name: 'ログイン' }))
    expect(email).toHaveAccessibleDescription('メールアドレスの形式で入力してください')
    expect(calls(fetchMock, 'POST /api/admin/session')).toHaveLength(0)
  })

  it('signs in with the password, asks for the code, shows a wrong code by its text, then opens the console', async () => {
    let codes = 0
    const fetchMock = mockFetch({
      'GET /api/admin/session': () => apiError(401, 'UNAUTHENTICATED'),
      'POST /api/admin/session': () => json(201, buildSession('totp_required', { csrfToken: 'csrf-after-password' })),
      'POST /api/admin/session/totp': () =>
        ++codes === 1 ? apiError(401, 'TOTP_INVALID', 'Wrong or expired one-time code.') : json(200, buildSession('active', { csrfToken: 'csrf-active' })),
      [`GET /api/admin/companies/${COMPANY_ID}/campaigns`]: () => json(200, { campaigns: [] }),
    })
    openConsole('/admin')

    await userEvent.type(await screen.findByLabelText('メールアドレス'), ' HR@example.jp ')
    await userEvent.type(screen.getByLabelText('パスワード'), 'correct horse battery')
    await userEvent.click(screen.getByRole('button', { name: 'ログイン' }))

    expect(await screen.findByRole('heading', { level: 1, name: '確認コード' })).toBeInTheDocument()
    const [, login] = calls(fetchMock, 'POST /api/admin/session')[0]!
    expect(JSON.parse(String(login?.body))).toEqual({ email: 'hr@example.jp', password: 'correct horse battery' })

    // A wrong code (a 401 too) keeps the step and shows the console's text, not the server's.
    await userEvent.type(screen.getByLabelText('確認コード（6 桁）'), '000000')
    await userEvent.click(screen.getByRole('button', { name: '確認する' }))
    const alert = await screen.findByRole('alert')
    expect(alert).toHaveTextContent('確認コードが正しくないか、期限切れです。')
    expect(alert).toHaveFocus()
    expect(screen.getByRole('heading', { level: 1, name: '確認コード' })).toBeInTheDocument()

    await userEvent.type(screen.getByLabelText('確認コード（6 桁）'), '12a3456')
    await userEvent.click(screen.getByRole('button', { name: '確認する' }))
    expect(await screen.findByRole('heading', { level: 1, name: '株式会社総合 の収集依頼' })).toBeInTheDocument()

    const [first, second] = calls(fetchMock, 'POST /api/admin/session/totp')
    expect(JSON.parse(String(second?.[1]?.body))).toEqual({ code: '123456' })
    // Each unsafe request carries the CSRF token of the session answer before it.
    expect(new Headers(first?.[1]?.headers).get('x-csrf-token')).toBe('csrf-after-password')
  })

  it('tells an operator whose one-time password expired to ask for a new one', async () => {
    mockFetch({
      'GET /api/admin/session': () => apiError(401, 'UNAUTHENTICATED'),
      'POST /api/admin/session': () => apiError(401, 'ONE_TIME_PASSWORD_EXPIRED'),
    })
    openConsole('/admin')
    await userEvent.type(await screen.findByLabelText('メールアドレス'), 'new.operator@example.jp')
    await userEvent.type(screen.getByLabelText('パスワード'), 'Tmp7pass8word9xy')
    await userEvent.click(screen.getByRole('button', { name: 'ログイン' }))
    expect(await screen.findByRole('alert')).toHaveTextContent(
      '仮パスワードの有効期限（発行から 72 時間）が切れています。管理者に仮パスワードの再発行を依頼してください。',
    )
  })
})
