import { screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { beforeAll, describe, expect, it } from 'vitest'
import { calls, json, mockFetch } from '../../../../test/fetch-mock.ts'
import { COMPANY_ID, buildSession, openConsole } from '../../../test/console.tsx'

beforeAll(() => import('../../../app/admin-app.tsx'))

const SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP'
const URI = `otpauth://totp/Bango:hr%40example.jp?secret=${SECRET}&issuer=Bango`

describe('2 段階認証の設定', () => {
  it('draws the QR code as inline SVG, shows the secret, and moves on once a code is verified', async () => {
    const fetchMock = mockFetch({
      'GET /api/admin/session': () => json(200, buildSession('enrolment_required')),
      'POST /api/admin/account/totp': () => json(201, { secret: SECRET, uri: URI }),
      'POST /api/admin/account/totp/confirm': () => json(200, buildSession('active')),
      [`GET /api/admin/companies/${COMPANY_ID}/campaigns`]: () => json(200, { campaigns: [] }),
    })
    openConsole('/admin')

    const qr = await screen.findByRole('img', { name: '認証アプリで読み取る QR コード' })
    expect(qr.tagName.toLowerCase()).toBe('svg')
    expect(qr.querySelector('path')?.getAttribute('d')?.length).toBeGreaterThan(100)
    // Nothing the CSP would have to allow: no data: URL, no <img>.
    expect(document.body.innerHTML).not.toContain('data:')
    expect(screen.getByText(SECRET)).toBeInTheDocument()
    // StrictMode mounts twice; one secret is created, so the QR code is the one the server keeps.
    expect(calls(fetchMock, 'POST /api/admin/account/totp')).toHaveLength(1)

    await userEvent.type(screen.getByLabelText('確認コード（6 桁）'), '123')
    await userEvent.click(screen.getByRole('button', { name: '設定する' }))
    expect(screen.getByLabelText('確認コード（6 桁）')).toHaveAccessibleDescription('6 桁の数字を入力してください')
    await userEvent.clear(screen.getByLabelText('確認コード（6 桁）'))
    expect(calls(fetchMock, 'POST /api/admin/account/totp/confirm')).toHaveLength(0)

    await userEvent.type(screen.getByLabelText('確認コード（6 桁）'), '654321')
    await userEvent.click(screen.getByRole('button', { name: '設定する' }))
    expect(await screen.findByRole('heading', { level: 1, name: '株式会社総合 の収集依頼' })).toBeInTheDocument()
    const [, confirm] = calls(fetchMock, 'POST /api/admin/account/totp/confirm')[0]!
    expect(JSON.parse(String(confirm?.body))).toEqual({ code: '654321' })
  })
})
