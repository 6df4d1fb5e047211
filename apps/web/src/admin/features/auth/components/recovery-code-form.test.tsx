import { screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { beforeAll, describe, expect, it } from 'vitest'
import { apiError, calls, json, mockFetch } from '../../../../test/fetch-mock.ts'
import { COMPANY_ID, buildSession, openConsole } from '../../../test/console.tsx'

beforeAll(() => import('../../../app/admin-app.tsx'))

describe('回復コードでログイン', () => {
  it('takes a recovery code instead of the TOTP code, without its hyphens, then opens the console', async () => {
    let tries = 0
    const fetchMock = mockFetch({
      'GET /api/admin/session': () => json(200, buildSession('totp_required')),
      'POST /api/admin/session/recovery-code': () => (++tries === 1 ? apiError(401, 'TOTP_INVALID') : json(200, buildSession('active'))),
      [`GET /api/admin/companies/${COMPANY_ID}/campaigns`]: () => json(200, { campaigns: [] }),
    })
    openConsole('/admin')
    await userEvent.click(await screen.findByRole('button', { name: '認証アプリを使えない場合（回復コードでログイン）' }))
    expect(screen.getByRole('heading', { level: 1, name: '回復コードでログイン' })).toBeInTheDocument()

    await userEvent.type(screen.getByLabelText('回復コード'), 'ABCD-EFGH')
    await userEvent.click(screen.getByRole('button', { name: '確認する' }))
    expect(screen.getByLabelText('回復コード')).toHaveAccessibleDescription(/回復コードは 16 文字です/)
    expect(calls(fetchMock, 'POST /api/admin/session/recovery-code')).toHaveLength(0)

    await userEvent.clear(screen.getByLabelText('回復コード'))
    await userEvent.type(screen.getByLabelText('回復コード'), 'ABCD-EFGH-JKMN-PQRS')
    await userEvent.click(screen.getByRole('button', { name: '確認する' }))
    expect(await screen.findByRole('alert')).toHaveTextContent('確認コードが正しくないか')
    await userEvent.type(screen.getByLabelText('回復コード'), 'abcd efgh jkmn pqrt')
    await userEvent.click(screen.getByRole('button', { name: '確認する' }))
    expect(await screen.findByRole('heading', { level: 1, name: '株式会社総合 の収集依頼' })).toBeInTheDocument()
    const sent = calls(fetchMock, 'POST /api/admin/session/recovery-code').map(([, init]) => JSON.parse(String(init?.body)))
    expect(sent).toEqual([{ code: 'ABCDEFGHJKMNPQRS' }, { code: 'abcdefghjkmnpqrt' }])
  })
})
