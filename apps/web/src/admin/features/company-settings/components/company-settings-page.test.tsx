import { screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { beforeAll, describe, expect, it } from 'vitest'
import { apiError, calls, json, mockFetch } from '../../../../test/fetch-mock.ts'
import { COMPANY_ID, buildSession, openConsole } from '../../../test/console.tsx'

beforeAll(() => import('../../../app/admin-app.tsx'))

const SETTINGS = `GET /api/admin/companies/${COMPANY_ID}/settings`
const SAVE = `PUT /api/admin/companies/${COMPANY_ID}/settings`

describe('会社の設定: 接続元の制限', () => {
  it('sends only well-formed lines, offers the current address, and says why a list without it is refused', async () => {
    let refuse = true
    const fetchMock = mockFetch({
      'GET /api/admin/session': () => json(200, buildSession('active')),
      [SETTINGS]: () => json(200, { allowedNetworks: ['198.51.100.0/24'], acceptNumberAgreement: false, yourAddress: '203.0.113.9' }),
      [SAVE]: () =>
        refuse
          ? apiError(422, 'NETWORK_EXCLUDES_CALLER')
          : json(200, { allowedNetworks: ['198.51.100.0/24', '203.0.113.9'], acceptNumberAgreement: false, yourAddress: '203.0.113.9' }),
    })
    openConsole(`/admin/companies/${COMPANY_ID}/settings`)
    expect(await screen.findByRole('heading', { name: '株式会社総合 の設定' })).toBeInTheDocument()
    expect(screen.getByRole('link', { name: '会社の設定' })).toBeInTheDocument()
    const list = await screen.findByLabelText(/許可するアドレス/)
    expect(list).toHaveValue('198.51.100.0/24')
    expect(screen.getByText(/現在の接続元: 203\.0\.113\.9/)).toBeInTheDocument()

    await userEvent.type(list, '{enter}intranet.example')
    await userEvent.click(screen.getByRole('button', { name: '接続元の制限を保存' }))
    expect(screen.getByText(/アドレスまたは CIDR として読めない行があります: intranet\.example/)).toBeInTheDocument()
    expect(calls(fetchMock, SAVE)).toHaveLength(0)

    await userEvent.clear(list)
    await userEvent.type(list, ' 198.51.100.0/24 {enter}{enter}')
    await userEvent.click(screen.getByRole('button', { name: '接続元の制限を保存' }))
    expect(await screen.findByRole('alert')).toHaveTextContent('現在の接続元が含まれていません')

    refuse = false
    await userEvent.click(screen.getByRole('button', { name: '現在の接続元を追加' }))
    expect(list).toHaveValue('198.51.100.0/24\n203.0.113.9')
    await userEvent.click(screen.getByRole('button', { name: '接続元の制限を保存' }))
    expect(await screen.findByText('接続元の制限を保存しました。')).toBeInTheDocument()
    const sent = calls(fetchMock, SAVE).map(([, init]) => JSON.parse(String(init?.body)))
    expect(sent).toEqual([{ allowedNetworks: ['198.51.100.0/24'] }, { allowedNetworks: ['198.51.100.0/24', '203.0.113.9'] }])
  })

  it('lets the administrator accept agreed numbers on one confirmation, off until chosen, keeping the allow-list', async () => {
    const fetchMock = mockFetch({
      'GET /api/admin/session': () => json(200, buildSession('active')),
      [SETTINGS]: () => json(200, { allowedNetworks: ['198.51.100.0/24'], acceptNumberAgreement: false, yourAddress: '203.0.113.9' }),
      [SAVE]: (request) => json(200, { ...(request.json() as object), yourAddress: '203.0.113.9' }),
    })
    openConsole(`/admin/companies/${COMPANY_ID}/settings`)
    const accept = await screen.findByLabelText('2 つの元が一致した番号は、担当者 1 人が書類の画像と見比べて確認すれば記録する')
    expect(accept).not.toBeChecked()
    const section = screen.getByRole('region', { name: '個人番号の記録' })
    const save = within(section).getByRole('button', { name: '保存する' })
    expect(save).toBeDisabled()
    await userEvent.click(accept)
    await userEvent.click(save)
    expect(await within(section).findByText('保存しました。')).toBeInTheDocument()
    expect(calls(fetchMock, SAVE).map(([, init]) => JSON.parse(String(init?.body)))).toEqual([
      { allowedNetworks: ['198.51.100.0/24'], acceptNumberAgreement: true },
    ])
  })

  it('tells someone outside the installation’s allow-list why the console does not open', async () => {
    mockFetch({ 'GET /api/admin/session': () => apiError(403, 'NETWORK_NOT_ALLOWED') })
    openConsole('/admin')
    expect(await screen.findByRole('alert')).toHaveTextContent('この接続元（IP アドレス）からは利用できません')
  })
})
