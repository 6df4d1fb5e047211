import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { createMemoryRouter, RouterProvider } from 'react-router'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { routePatterns } from '../../../config/paths.ts'
import { SESSION_STORAGE_KEY, useSessionStore, WIZARD_POSITION_STORAGE_KEY } from '../../../lib/session.ts'
import { apiError, calls, json, mockFetch } from '../../../test/fetch-mock.ts'
import { LoginPage } from './login-page.tsx'

const TOKEN = 'AbCdEfGhIjKlMnOpQrStUvWxYz0123456789_-abcde'
const JWT = 'eyJhbGciOiJFUzI1NiJ9.payload.signature'

function renderAt(url: string) {
  const router = createMemoryRouter(
    [
      { path: routePatterns.home, element: <LoginPage /> },
      { path: routePatterns.login, element: <LoginPage /> },
      { path: routePatterns.targets, element: <p>一覧</p> },
      { path: routePatterns.person, element: <p>登録中の方</p> },
    ],
    { initialEntries: [url] },
  )
  render(<RouterProvider router={router} />)
  return router
}

beforeEach(() => {
  useSessionStore.setState({ accessToken: null, refreshAfter: null, expired: false, resumePath: null })
})

describe('LoginPage', () => {
  it('logs in with the token from /t/:token, keeps the JWT in sessionStorage only and drops the token from the URL', async () => {
    const fetchMock = mockFetch({
      'POST /api/employee/login': () => json(200, { accessToken: JWT, expiresAt: new Date(Date.now() + 15 * 60_000).toISOString() }),
    })
    const router = renderAt(`/t/${TOKEN}`)

    await userEvent.type(screen.getByLabelText('パスワード'), 'pass-1234')
    await userEvent.click(screen.getByRole('button', { name: '次へ' }))

    expect(await screen.findByText('一覧')).toBeInTheDocument()
    const [, init] = calls(fetchMock, 'POST /api/employee/login')[0]!
    expect(JSON.parse(String(init?.body))).toEqual({ token: TOKEN, password: 'pass-1234' })
    expect(router.state.location.pathname).toBe('/targets')
    expect(router.state.historyAction).toBe('REPLACE')
    expect(`${router.state.location.pathname}${router.state.location.search}`).not.toContain(TOKEN)
    expect(sessionStorage.getItem(SESSION_STORAGE_KEY)).toContain(JWT)
    expect(JSON.stringify({ ...localStorage })).not.toContain(JWT)
    expect(localStorage.length).toBe(0)
  })

  it('after a session expiry in this tab, returns to the person and step the employee was on', async () => {
    const person = '/persons/00000000-0000-4000-8000-000000000042?step=capture%3Anumber-0-back'
    window.history.replaceState(null, '', person)
    useSessionStore.setState({ accessToken: 'old', refreshAfter: null })
    useSessionStore.getState().expire()
    window.history.replaceState(null, '', '/')
    mockFetch({ 'POST /api/employee/login': () => json(200, { accessToken: JWT, expiresAt: new Date(Date.now() + 60_000).toISOString() }) })
    const router = renderAt(`/t/${TOKEN}`)
    await userEvent.type(screen.getByLabelText('パスワード'), 'x')
    await userEvent.click(screen.getByRole('button', { name: '次へ' }))
    expect(await screen.findByText('登録中の方')).toBeInTheDocument()
    expect(`${router.state.location.pathname}${router.state.location.search}`).toBe(person)
    expect(useSessionStore.getState().resumePath).toBeNull()
  })

  it('forgets where the employee was on 「ログアウト」 (a shared device keeps nothing of it)', () => {
    sessionStorage.setItem(WIZARD_POSITION_STORAGE_KEY, '{"personId":"x"}')
    useSessionStore.setState({ accessToken: 'jwt' })
    useSessionStore.getState().signOut()
    expect(sessionStorage.getItem(WIZARD_POSITION_STORAGE_KEY)).toBeNull()
    expect(useSessionStore.getState().resumePath).toBeNull()
  })

  it('accepts the token as ?t= and replaces it too', async () => {
    mockFetch({ 'POST /api/employee/login': () => json(200, { accessToken: JWT, expiresAt: new Date(Date.now() + 60_000).toISOString() }) })
    const router = renderAt(`/?t=${TOKEN}`)
    await userEvent.type(screen.getByLabelText('パスワード'), 'x')
    await userEvent.click(screen.getByRole('button', { name: '次へ' }))
    await screen.findByText('一覧')
    expect(router.state.location.search).toBe('')
  })

  it('shows the employee text for the code (not the server message) on a wrong password and stays signed out', async () => {
    mockFetch({
      'POST /api/employee/login': () => apiError(401, 'INVALID_CREDENTIALS', 'Wrong token, e-mail or password.'),
    })
    const router = renderAt(`/t/${TOKEN}`)
    await userEvent.type(screen.getByLabelText('パスワード'), 'wrong')
    await userEvent.click(screen.getByRole('button', { name: '次へ' }))

    expect(await screen.findByRole('alert')).toHaveTextContent('URL またはパスワードが正しくありません。メールまたは郵送キットに記載のものをご確認ください。')
    expect(router.state.location.pathname).toBe(`/t/${TOKEN}`)
    expect(useSessionStore.getState().accessToken).toBeNull()
    expect(screen.getByRole('button', { name: '次へ' })).toBeEnabled()
    // How many tries are left before the 15-minute lock.
    expect(screen.getByText(/あと 4 回間違えると、15 分間ログインできなくなります/)).toBeInTheDocument()
    await userEvent.click(screen.getByRole('button', { name: '次へ' }))
    expect(await screen.findByText(/あと 3 回/)).toBeInTheDocument()
  })

  it('shows the password while the checkbox is ticked', async () => {
    renderAt(`/t/${TOKEN}`)
    const field = screen.getByLabelText('パスワード')
    await userEvent.type(field, 'Ab3x')
    expect(field).toHaveAttribute('type', 'password')
    await userEvent.click(screen.getByRole('checkbox', { name: 'パスワードを表示する' }))
    expect(field).toHaveAttribute('type', 'text')
    expect(field).toHaveValue('Ab3x')
  })

  it('says who is asking before the password, and where to ask when signing in fails', async () => {
    const fetchMock = mockFetch({
      'POST /api/employee/link': () =>
        json(200, { companyName: '株式会社 見本商事', contact: '人事部 マイナンバー係 内線 1234', closed: false, pending: false, disposal: null }),
      'POST /api/employee/login': () => apiError(423, 'CREDENTIAL_LOCKED'),
    })
    renderAt(`/t/${TOKEN}`)
    expect(
      await screen.findByText('株式会社 見本商事 の人事担当者から、あなたとご家族のマイナンバー（個人番号）書類の提出をお願いしています。'),
    ).toBeInTheDocument()
    // The token travels in the body, never in a URL.
    expect(JSON.parse(String(calls(fetchMock, 'POST /api/employee/link')[0]![1]?.body))).toEqual({ token: TOKEN })
    expect(screen.queryByText(/問い合わせ先/)).not.toBeInTheDocument()

    await userEvent.type(screen.getByLabelText('パスワード'), 'wrong')
    await userEvent.click(screen.getByRole('button', { name: '次へ' }))
    await screen.findByRole('alert')
    expect(screen.getByText('人事部 マイナンバー係 内線 1234')).toBeInTheDocument()
  })

  it('says on the login screen that the request is closed', async () => {
    mockFetch({ 'POST /api/employee/link': () => json(200, { companyName: '株式会社 見本商事', contact: null, closed: true, pending: false, disposal: null }) })
    renderAt(`/t/${TOKEN}`)
    expect(await screen.findByText(/受付は終了しました。新しく書類を登録・提出することはできません。/)).toBeInTheDocument()
  })

  it.each([
    [{ by: 'company', submitted: true }, '提出された書類は、2027年3月31日に株式会社 見本商事が廃棄しました。'],
    [{ by: 'retention', submitted: true }, '提出された書類は、保存期間の終了に伴い2027年3月31日に廃棄されました。'],
    [{ by: 'company', submitted: false }, '書類は提出されていません。この依頼の記録は、2027年3月31日に株式会社 見本商事が削除しました。'],
    [{ by: 'retention', submitted: false }, '書類は提出されていません。この依頼の記録は、保存期間の終了に伴い2027年3月31日に削除されました。'],
  ])('after disposal shows only what happened (%o), with the contact and no password field', async (disposal, text) => {
    mockFetch({
      'POST /api/employee/link': () =>
        json(200, {
          companyName: '株式会社 見本商事',
          contact: '人事部 内線 1234',
          closed: true,
          pending: false,
          disposal: { at: '2027-03-31T03:00:00.000Z', ...disposal },
        }),
    })
    renderAt(`/t/${TOKEN}`)
    expect(await screen.findByRole('heading', { name: 'この依頼は終了しました' })).toBeInTheDocument()
    expect(screen.getByText(text)).toBeInTheDocument()
    expect(screen.getByText('人事部 内線 1234')).toBeInTheDocument()
    expect(screen.queryByLabelText('パスワード')).not.toBeInTheDocument()
  })

  it('says a link from a batch not yet handed out is not live yet, so the printed password is not taken for a wrong one', async () => {
    mockFetch({ 'POST /api/employee/link': () => json(200, { companyName: '株式会社 見本商事', contact: null, closed: false, pending: true, disposal: null }) })
    renderAt(`/t/${TOKEN}`)
    expect(await screen.findByText(/このログイン情報は、まだ使えません。/)).toBeInTheDocument()
  })

  it('lists the supported browsers and explains how to leave the LINE in-app browser', () => {
    // A spy, undone after the test (restoreMocks): the files of a worker share one navigator.
    vi.spyOn(navigator, 'userAgent', 'get').mockReturnValue(
      'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148 Safari Line/14.9.0',
    )
    renderAt(`/t/${TOKEN}`)
    expect(screen.getByText('Microsoft Internet Explorer はご利用いただけません。')).toBeInTheDocument()
    expect(screen.getByRole('heading', { name: 'LINE のアプリ内ブラウザで開いています' })).toBeInTheDocument()
    expect(screen.getByText(/Safari で開く/)).toBeInTheDocument()
    expect(screen.getByLabelText('パスワード')).toBeEnabled()
  })
})
