import { screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { beforeAll, describe, expect, it } from 'vitest'
import { apiError, calls, json, mockFetch } from '../../../../test/fetch-mock.ts'
import { buildSession, openConsole } from '../../../test/console.tsx'

beforeAll(() => import('../../../app/admin-app.tsx'))

describe('アカウント: 2 段階認証を無効にする', () => {
  it('asks for the password and a current code, shows a refusal, and sends both once filled in', async () => {
    let refuse = true
    const fetchMock = mockFetch({
      'GET /api/admin/session': () => json(200, buildSession('active')),
      'DELETE /api/admin/account/totp': () => (refuse ? apiError(401, 'INVALID_CREDENTIALS') : new Response(null, { status: 204 })),
    })
    openConsole('/admin/account')
    await userEvent.click(await screen.findByRole('button', { name: '2 段階認証を無効にする' }))
    const form = screen.getByRole('form', { name: '2 段階認証を無効にする' })
    expect(form).toHaveTextContent('パスワードと認証アプリの確認コード')

    // Nothing is sent until both factors are there.
    await userEvent.click(screen.getByRole('button', { name: '2 段階認証を無効にする' }))
    expect(calls(fetchMock, 'DELETE /api/admin/account/totp')).toHaveLength(0)

    await userEvent.type(screen.getByLabelText('現在のパスワード'), 'wrong')
    await userEvent.type(screen.getByLabelText('確認コード（6 桁）'), '123456')
    await userEvent.click(screen.getByRole('button', { name: '2 段階認証を無効にする' }))
    expect(await screen.findByRole('alert')).toHaveTextContent('現在のパスワードが正しくありません。')

    refuse = false
    await userEvent.clear(screen.getByLabelText('現在のパスワード'))
    await userEvent.type(screen.getByLabelText('現在のパスワード'), 'the-password')
    await userEvent.click(screen.getByRole('button', { name: '2 段階認証を無効にする' }))
    expect(await screen.findByText('2 段階認証を無効にしました。')).toBeInTheDocument()
    const sent = calls(fetchMock, 'DELETE /api/admin/account/totp').map(([, init]) => JSON.parse(String(init?.body)))
    expect(sent.at(-1)).toEqual({ currentPassword: 'the-password', code: '123456' })
  })
})

describe('パスワード変更', () => {
  it('names a wrong current password as such, then says when the account locked', async () => {
    const answers = [apiError(401, 'INVALID_CREDENTIALS'), apiError(423, 'ACCOUNT_LOCKED')]
    const fetchMock = mockFetch({
      'GET /api/admin/session': () => json(200, buildSession('active')),
      'PUT /api/admin/account/password': () => answers.shift()!,
    })
    openConsole('/admin/account/password')
    await userEvent.type(await screen.findByLabelText('現在のパスワード'), 'wrong')
    await userEvent.type(screen.getByLabelText('新しいパスワード'), 'a-brand-new-long-password')
    await userEvent.type(screen.getByLabelText('新しいパスワード（確認）'), 'a-brand-new-long-password')
    await userEvent.click(screen.getByRole('button', { name: 'パスワードを変更する' }))
    expect(await screen.findByRole('alert')).toHaveTextContent('現在のパスワードが正しくありません。')

    await userEvent.click(screen.getByRole('button', { name: 'パスワードを変更する' }))
    expect(await screen.findByText(/アカウントを 15 分間ロックしました/)).toHaveAttribute('role', 'alert')
    expect(calls(fetchMock, 'PUT /api/admin/account/password')).toHaveLength(2)
  })
})
