import type { OperatorAccount } from '@bango/shared/admin-api'
import { screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { beforeAll, describe, expect, it } from 'vitest'
import { apiError, calls, json, mockFetch } from '../../../../test/fetch-mock.ts'
import { COMPANY_ID, buildSession, openConsole } from '../../../test/console.tsx'

beforeAll(() => import('../../../app/admin-app.tsx'))

const operator: OperatorAccount = {
  id: '55555555-5555-4555-8555-555555555555',
  email: 'op@example.jp',
  name: '担当 次郎',
  role: 'operator',
  canExport: false,
  totpEnabled: true,
  disabled: false,
  lockedUntil: null,
  lastLoginAt: null,
}
const RESET = `POST /api/admin/companies/${COMPANY_ID}/operators/${operator.id}/reset`

describe('担当者のリセット', () => {
  it('asks for the administrator’s password, shows a wrong one by its text, then the new one-time password once', async () => {
    let tries = 0
    const fetchMock = mockFetch({
      'GET /api/admin/session': () => json(200, buildSession('active')),
      [`GET /api/admin/companies/${COMPANY_ID}/operators`]: () => json(200, { operators: [operator] }),
      [RESET]: () =>
        ++tries === 1
          ? apiError(401, 'INVALID_CREDENTIALS')
          : json(200, { operator: { ...operator, totpEnabled: false }, oneTimePassword: 'Tmp7pass8word9xy', expiresAt: '2026-12-10T03:00:00.000Z' }),
    })
    openConsole(`/admin/companies/${COMPANY_ID}/operators`)
    await userEvent.click(await screen.findByRole('button', { name: '担当 次郎 をリセット' }, { timeout: 5000 }))
    expect(screen.getByRole('heading', { level: 2, name: '担当 次郎 さんのアカウントをリセット' })).toHaveFocus()

    await userEvent.click(screen.getByRole('button', { name: 'リセットする' }))
    expect(calls(fetchMock, RESET)).toHaveLength(0)
    await userEvent.type(screen.getByLabelText('あなたのパスワード（確認のため）'), 'a-wrong-password')
    await userEvent.click(screen.getByRole('button', { name: 'リセットする' }))
    expect(await screen.findByRole('alert')).toHaveTextContent('現在のパスワードが正しくありません。')

    await userEvent.clear(screen.getByLabelText('あなたのパスワード（確認のため）'))
    await userEvent.type(screen.getByLabelText('あなたのパスワード（確認のため）'), 'the-admin-password')
    await userEvent.click(screen.getByRole('button', { name: 'リセットする' }))
    expect(await screen.findByRole('heading', { level: 2, name: '仮パスワード（リセット）' })).toBeInTheDocument()
    expect(screen.getByText('Tmp7pass8word9xy')).toBeInTheDocument()
    const [, second] = calls(fetchMock, RESET)[1]!
    expect(JSON.parse(String(second?.body))).toEqual({ currentPassword: 'the-admin-password' })

    await userEvent.click(screen.getByRole('button', { name: '伝えたので閉じる' }))
    expect(screen.queryByText('Tmp7pass8word9xy')).not.toBeInTheDocument()
  })
})
