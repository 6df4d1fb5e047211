import { DEFAULT_PURPOSES } from '@bango/shared/admin-api'
import { DEFAULT_PURPOSE_WORDINGS } from '@bango/shared/purposes'
import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { beforeAll, describe, expect, it } from 'vitest'
import { apiError, calls, json, mockFetch } from '../../../../test/fetch-mock.ts'
import { COMPANY_ID, buildCampaign, buildSession, location, openConsole } from '../../../test/console.tsx'

beforeAll(() => import('../../../app/admin-app.tsx'))

const CREATE = `POST /api/admin/companies/${COMPANY_ID}/campaigns`
const purposeInputs = () => within(screen.getByRole('group', { name: '個人番号の利用目的' })).getAllByRole('textbox')

describe('the campaign form', () => {
  it('starts with the default purposes, shows each field error by its field, and sends nothing until valid', async () => {
    const created = buildCampaign()
    const fetchMock = mockFetch({
      'GET /api/admin/session': () => json(200, buildSession('active')),
      [CREATE]: () => json(201, created),
    })
    openConsole(`/admin/companies/${COMPANY_ID}/campaigns/new`)

    expect(await screen.findByRole('heading', { level: 1, name: '収集依頼の作成' })).toBeInTheDocument()
    expect(purposeInputs().map((input) => (input as HTMLInputElement).value)).toEqual([...DEFAULT_PURPOSES])
    expect(screen.getByLabelText(/下書きの保存期間/)).toHaveValue(24)

    await userEvent.clear(purposeInputs()[1]!)
    await userEvent.clear(screen.getByLabelText(/下書きの保存期間/))
    await userEvent.type(screen.getByLabelText(/下書きの保存期間/), '0')
    await userEvent.click(screen.getByRole('button', { name: '作成する' }))

    const name = screen.getByLabelText('名称')
    expect(name).toHaveAccessibleDescription('入力してください')
    expect(name).toHaveFocus()
    expect(screen.getByLabelText('利用目的 2')).toHaveAccessibleDescription('入力してください')
    expect(screen.getByLabelText(/下書きの保存期間/)).toHaveAccessibleDescription(/1 以上の数値を入力してください/)
    expect(calls(fetchMock, CREATE)).toHaveLength(0)

    await userEvent.type(name, '2026年 年末調整')
    await userEvent.click(screen.getByRole('button', { name: '利用目的 2 を削除' }))
    await userEvent.click(screen.getByRole('button', { name: '利用目的を追加' }))
    await userEvent.type(purposeInputs().at(-1)!, '財形貯蓄事務')
    await userEvent.clear(screen.getByLabelText(/下書きの保存期間/))
    await userEvent.type(screen.getByLabelText(/下書きの保存期間/), '48')
    await userEvent.type(screen.getByLabelText(/提出期限/), '2026-12-20')
    await userEvent.click(screen.getByLabelText('従業員にも 12 桁の個人番号を入力してもらう'))
    await userEvent.type(screen.getByLabelText('問い合わせ先'), '人事部 内線 1234')
    await userEvent.click(screen.getByRole('button', { name: '作成する' }))

    await waitFor(() => expect(calls(fetchMock, CREATE)).toHaveLength(1))
    const [, init] = calls(fetchMock, CREATE)[0]!
    expect(JSON.parse(String(init?.body))).toEqual({
      name: '2026年 年末調整',
      purposes: [DEFAULT_PURPOSES[0], DEFAULT_PURPOSES[2], DEFAULT_PURPOSES[3], '財形貯蓄事務'],
      deadline: '2026-12-20',
      draftLifetimeHours: 48,
      retentionMonths: 84,
      employeeEntersNumber: true,
      identityByEmployment: false,
      purposeTranslations: {},
      contact: '人事部 内線 1234',
    })
    await waitFor(() => expect(location.current).toBe(`/admin/campaigns/${created.id}`))
  })

  it('shows a server refusal by the text of its code', async () => {
    mockFetch({
      'GET /api/admin/session': () => json(200, buildSession('active')),
      [CREATE]: () => apiError(403, 'FORBIDDEN', 'This role may not do this.'),
    })
    openConsole(`/admin/companies/${COMPANY_ID}/campaigns/new`)
    await userEvent.type(await screen.findByLabelText('名称'), '収集')
    await userEvent.click(screen.getByRole('button', { name: '作成する' }))
    expect(await screen.findByRole('alert')).toHaveTextContent('この操作を行う権限がありません')
  })

  it('closes a campaign only after a confirmation with the counts, then reopens it with a new deadline', async () => {
    const campaign = buildCampaign()
    const CLOSE = `POST /api/admin/campaigns/${campaign.id}/close`
    const REOPEN = `POST /api/admin/campaigns/${campaign.id}/reopen`
    const closed = { ...campaign, status: 'closed', closedAt: '2026-11-27T03:00:00.000Z' }
    const counts = { unissued: 10, issued: 20, logged_in: 5, consented: 3, in_progress: 2, submitted: 250, returned: 4, approved: 6 }
    const fetchMock = mockFetch({
      'GET /api/admin/session': () => json(200, buildSession('active')),
      [`GET /api/admin/campaigns/${campaign.id}`]: () =>
        json(
          200,
          calls(fetchMock, CLOSE).length > calls(fetchMock, REOPEN).length
            ? closed
            : { ...campaign, deadline: calls(fetchMock, REOPEN).length ? '2099-03-31' : campaign.deadline },
        ),
      [`GET /api/admin/campaigns/${campaign.id}/dashboard`]: () => json(200, { counts, total: 300 }),
      [CLOSE]: () => json(200, closed),
      [REOPEN]: () => json(200, { ...campaign, deadline: '2099-03-31' }),
      [`GET /api/admin/companies/${COMPANY_ID}/campaigns`]: () => json(200, { campaigns: [campaign] }),
    })
    openConsole(`/admin/campaigns/${campaign.id}/settings`)

    await userEvent.click(await screen.findByRole('button', { name: '受付を終了する' }))
    const question = screen.getByRole('group', { name: /「完了」していない下書き（撮影途中の画像）はすべて削除されます/ })
    expect(
      await within(question).findByText('従業員 300 人のうち、提出済み 256 人。未提出の 40 人と差し戻し中の 4 人は、これ以降は提出できません。'),
    ).toBeInTheDocument()
    expect(calls(fetchMock, CLOSE)).toHaveLength(0)
    await userEvent.click(screen.getByRole('button', { name: '終了して下書きを削除する' }))

    expect(await screen.findByText(/に受付を終了しました。/)).toBeInTheDocument()
    expect(calls(fetchMock, CLOSE)).toHaveLength(1)
    expect(screen.getByLabelText('名称')).toBeDisabled()
    expect(screen.queryByRole('button', { name: '保存する' })).not.toBeInTheDocument()

    await userEvent.type(screen.getByLabelText('新しい提出期限'), '2099-03-31')
    await userEvent.click(screen.getByRole('button', { name: '受付を再開する' }))
    expect(await screen.findByRole('button', { name: '受付を終了する' })).toBeInTheDocument()
    expect(calls(fetchMock, REOPEN).map(([, init]) => JSON.parse(String(init?.body)))).toEqual([{ deadline: '2099-03-31' }])
    expect(screen.getByLabelText('名称')).toBeEnabled()
  })

  it('words the purposes per language beside their Japanese, and a removed purpose takes its wordings along', async () => {
    const fetchMock = mockFetch({
      'GET /api/admin/session': () => json(200, buildSession('active')),
      [CREATE]: () => json(201, buildCampaign()),
    })
    openConsole(`/admin/companies/${COMPANY_ID}/campaigns/new`)
    await screen.findByRole('heading', { level: 1, name: '収集依頼の作成' })
    const wordings = screen.getByRole('group', { name: '利用目的の翻訳（任意）' })
    const language = (name: RegExp) => within(within(wordings).getByText(name).closest('details')!)

    const english = language(/^英語（English）/).getByLabelText(`${DEFAULT_PURPOSES[1]}（英語）`)
    expect(english).toHaveAccessibleDescription(`空欄のときは標準の訳文：${DEFAULT_PURPOSE_WORDINGS[DEFAULT_PURPOSES[1]].en}`)
    await userEvent.type(english, 'Health and pension notifications')
    await userEvent.type(language(/^ポルトガル語/).getByLabelText(`${DEFAULT_PURPOSES[3]}（ポルトガル語）`), 'Folha')
    expect(within(wordings).getByText('英語（English）：1 / 4 件入力')).toBeInTheDocument()
    await userEvent.click(screen.getByRole('button', { name: '利用目的 1 を削除' }))
    await userEvent.click(screen.getByRole('button', { name: '利用目的を追加' }))
    await userEvent.type(purposeInputs().at(-1)!, '財形貯蓄事務')
    expect(language(/^英語/).getByLabelText('財形貯蓄事務（英語）')).toHaveAccessibleDescription('空欄のときは日本語のまま表示します。')
    await userEvent.type(screen.getByLabelText('名称'), '2027年 収集')
    await userEvent.click(screen.getByRole('button', { name: '作成する' }))

    await waitFor(() => expect(calls(fetchMock, CREATE)).toHaveLength(1))
    expect(JSON.parse(String(calls(fetchMock, CREATE)[0]![1]?.body)).purposeTranslations).toEqual({
      en: ['Health and pension notifications'],
      pt: ['', '', 'Folha'],
    })
  })

  it('keeps what the policy table gives administrators out of an operator’s hands: purposes, the number, shortening, closing', async () => {
    const campaign = buildCampaign({ retentionMonths: 84, draftLifetimeHours: 24 })
    mockFetch({
      'GET /api/admin/session': () =>
        json(200, buildSession('active', { companies: [{ id: COMPANY_ID, name: '株式会社総合', role: 'operator', canExport: false }] })),
      [`GET /api/admin/campaigns/${campaign.id}`]: () => json(200, campaign),
    })
    openConsole(`/admin/campaigns/${campaign.id}/settings`)

    expect(await screen.findByLabelText('名称')).toBeEnabled()
    for (const input of purposeInputs()) expect(input).toBeDisabled()
    for (const input of within(screen.getByRole('group', { name: '利用目的の翻訳（任意）' })).getAllByRole('textbox', { hidden: true }))
      expect(input).toBeDisabled()
    expect(screen.getByLabelText('従業員にも 12 桁の個人番号を入力してもらう')).toBeDisabled()
    expect(screen.getByLabelText(/保管期間/)).toHaveAttribute('min', '84')
    expect(screen.getByLabelText(/保管期間/)).toHaveAccessibleDescription(/短くできるのは取扱責任者（管理者）だけです/)
    expect(screen.getByLabelText(/下書きの保存期間/)).toHaveAttribute('min', '24')
    expect(screen.queryByRole('button', { name: '受付を終了する' })).not.toBeInTheDocument()
    expect(screen.getByText('受付の終了は取扱責任者（管理者）だけが行えます。')).toBeInTheDocument()
  })
})
