import { screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { beforeAll, describe, expect, it } from 'vitest'
import { calls, json, mockFetch } from '../../../../test/fetch-mock.ts'
import { COMPANY_ID, buildSession, openConsole } from '../../../test/console.tsx'

beforeAll(() => import('../../../app/admin-app.tsx'))

const SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP'
const URI = `otpauth://totp/Bango:hr%40example.jp?secret=${SECRET}&issuer=Bango`
const CODES = Array.from({ length: 10 }, (_, i) => `ABCD-EFGH-JKMN-PQ${String(i).padStart(2, '2')}`)

describe('2 段階認証の設定', () => {
  it('asks for the password, draws the QR code as inline SVG, shows the secret, then the recovery codes once, and moves on', async () => {
    const fetchMock = mockFetch({
      'GET /api/admin/session': () => json(200, buildSession('enrolment_required')),
      'POST /api/admin/account/totp': () => json(201, { secret: SECRET, uri: URI }),
      'POST /api/admin/account/totp/confirm': () => json(200, { ...buildSession('active'), recoveryCodes: CODES }),
      [`GET /api/admin/companies/${COMPANY_ID}/campaigns`]: () => json(200, { campaigns: [] }),
    })
    openConsole('/admin')

    // The password again first: nothing is asked of the server without it.
    await userEvent.click(await screen.findByRole('button', { name: '次へ' }))
    expect(calls(fetchMock, 'POST /api/admin/account/totp')).toHaveLength(0)
    await userEvent.type(screen.getByLabelText('現在のパスワード'), 'the-current-password')
    await userEvent.click(screen.getByRole('button', { name: '次へ' }))
    const [, begin] = calls(fetchMock, 'POST /api/admin/account/totp')[0]!
    expect(JSON.parse(String(begin?.body))).toEqual({ currentPassword: 'the-current-password' })

    const qr = await screen.findByRole('img', { name: '認証アプリで読み取る QR コード' })
    expect(qr.tagName.toLowerCase()).toBe('svg')
    expect(qr.querySelector('path')?.getAttribute('d')?.length).toBeGreaterThan(100)
    // Nothing the CSP would have to allow: no data: URL, no <img>.
    expect(document.body.innerHTML).not.toContain('data:')
    expect(screen.getByText(SECRET)).toBeInTheDocument()
    // One secret is created, so the QR code is the one the server keeps.
    expect(calls(fetchMock, 'POST /api/admin/account/totp')).toHaveLength(1)

    await userEvent.type(screen.getByLabelText('確認コード（6 桁）'), '123')
    await userEvent.click(screen.getByRole('button', { name: '設定する' }))
    expect(screen.getByLabelText('確認コード（6 桁）')).toHaveAccessibleDescription('6 桁の数字を入力してください')
    await userEvent.clear(screen.getByLabelText('確認コード（6 桁）'))
    expect(calls(fetchMock, 'POST /api/admin/account/totp/confirm')).toHaveLength(0)

    await userEvent.type(screen.getByLabelText('確認コード（6 桁）'), '654321')
    await userEvent.click(screen.getByRole('button', { name: '設定する' }))
    // The recovery codes stay on screen until the operator says they are kept.
    const list = await screen.findByRole('list', { name: '回復コードの一覧' })
    expect(list.querySelectorAll('li')).toHaveLength(10)
    expect(screen.getByText(CODES[0]!)).toBeInTheDocument()
    expect(screen.getByRole('button', { name: '続ける' })).toBeDisabled()
    await userEvent.click(screen.getByLabelText('回復コードを保管しました'))
    await userEvent.click(screen.getByRole('button', { name: '続ける' }))
    expect(await screen.findByRole('heading', { level: 1, name: '株式会社総合 の収集依頼' })).toBeInTheDocument()
    const [, confirm] = calls(fetchMock, 'POST /api/admin/account/totp/confirm')[0]!
    expect(JSON.parse(String(confirm?.body))).toEqual({ code: '654321' })
  })
})
