import type { EmployeeRow } from '@bango/shared/admin-dashboard'
import { screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { calls, json, mockFetch } from '../../../../test/fetch-mock.ts'
import { paths, routePatterns } from '../../../config/paths.ts'
import { buildEmployeeRow, CAMPAIGN_ID } from '../../../test/factories.ts'
import { renderRoute } from '../../../test/render-route.tsx'
import { DashboardPage } from './dashboard-page.tsx'

const base = `/api/admin/campaigns/${CAMPAIGN_ID}`
const list = (search: string) => `GET ${base}/employees?${search}`
const DEFAULT = 'sort=employeeNumber&order=asc&page=1&pageSize=50'
const counts = { unissued: 4, issued: 10, logged_in: 3, consented: 2, in_progress: 5, submitted: 91, returned: 2, approved: 3 }
const taro = buildEmployeeRow({ name: '総合 太郎', progress: 'consented', lockedUntil: '2999-01-01T00:00:00.000Z' })
const hanako = buildEmployeeRow({ name: '総合 花子', kana: 'ソウゴウ ハナコ', progress: 'submitted' })
const page = (rows: EmployeeRow[], total: number, pageNumber = 1) => json(200, { rows, total, page: pageNumber, pageSize: 50 })

function renderDashboard(search = '') {
  const fetchMock = mockFetch({
    [`GET ${base}`]: () =>
      json(200, {
        id: CAMPAIGN_ID,
        companyId: '33333333-3333-4333-8333-333333333333',
        name: '2026年 年末調整',
        purposes: ['源泉徴収票作成事務'],
        purposeTranslations: {},
        deadline: null,
        draftLifetimeHours: 24,
        retentionMonths: 84,
        employeeEntersNumber: false,
        identityByEmployment: false,
        contact: null,
        status: 'open',
        createdAt: '2026-11-01T00:00:00.000Z',
        closedAt: null,
      }),
    [`GET ${base}/dashboard`]: () => json(200, { counts, total: 120 }),
    [list(DEFAULT)]: () => page([taro, hanako], 120),
    [list('sort=employeeNumber&order=asc&page=2&pageSize=50')]: () => page([hanako], 120, 2),
    [list('q=%E3%82%BD%E3%82%A6%E3%82%B4%E3%82%A6&sort=employeeNumber&order=asc&page=1&pageSize=50')]: () => page([hanako], 1),
    [list('q=%E3%82%BD%E3%82%A6%E3%82%B4%E3%82%A6&status=submitted&sort=employeeNumber&order=asc&page=1&pageSize=50')]: () => page([hanako], 1),
    [list('sort=kana&order=asc&page=1&pageSize=50')]: () => page([taro, hanako], 120),
    [list('q=nobody&sort=employeeNumber&order=asc&page=1&pageSize=50')]: () => page([], 0),
    [list('sort=kana&order=desc&page=1&pageSize=50')]: () => page([hanako, taro], 120),
    [list('email=without&sort=employeeNumber&order=asc&page=1&pageSize=50')]: () => page([hanako], 1),
  })
  const rendered = renderRoute([{ path: routePatterns.campaign, element: <DashboardPage /> }], paths.campaign(CAMPAIGN_ID, search))
  return { ...rendered, fetchMock }
}

describe('DashboardPage', () => {
  it('says 0 人 for an empty list, not 「0 人中 0–0 人目」', async () => {
    renderDashboard('?q=nobody')
    expect(await screen.findByText('該当する従業員はいません。')).toBeInTheDocument()
    expect(within(screen.getByRole('navigation', { name: 'ページ送り' })).getByRole('status')).toHaveTextContent(/^0 人$/)
  })

  it('shows the counts by status and the first page of employees', async () => {
    renderDashboard()
    expect(await screen.findByRole('heading', { level: 1, name: '2026年 年末調整' })).toBeInTheDocument()
    // The campaign's 提出期限 and 問い合わせ先, as employees see them.
    expect(screen.getByText('提出期限').nextElementSibling).toHaveTextContent('設定なし')
    expect(screen.getByText('問い合わせ先').nextElementSibling).toHaveTextContent(/^設定なし/)
    const summary = screen.getByRole('region', { name: '進捗' })
    expect(within(summary).getByText('対象の従業員 120 人')).toBeInTheDocument()
    const labels = within(summary)
      .getAllByRole('button')
      .map((button) => button.textContent)
    expect(labels).toEqual(['未発行4', '未ログイン10', 'ログイン済3', '同意済2', '登録中5', '完了91', '差し戻し2', '承認済3'])

    const table = await screen.findByRole('table', { name: '従業員一覧' })
    const row = within(table).getByRole('row', { name: /総合 太郎/ })
    expect(row).toHaveTextContent('同意済')
    expect(row).toHaveTextContent('ロック中')
    expect(within(row).getByRole('link', { name: '総合 太郎' })).toHaveAttribute('href', paths.employee(CAMPAIGN_ID, taro.id))
    expect(screen.getByText('120 人中 1–50 人目')).toBeInTheDocument()
    expect(screen.getByRole('link', { name: '従業員の取り込み' })).toHaveAttribute('href', paths.campaignImport(CAMPAIGN_ID))
  })

  it('puts search and status filter in the URL and in the request, back on page 1', async () => {
    const { router, fetchMock } = renderDashboard('?page=2')
    await screen.findByText('120 人中 51–100 人目')
    await userEvent.type(screen.getByRole('searchbox', { name: '検索（氏名・フリガナ・社員番号）' }), 'ソウゴウ')
    await userEvent.click(screen.getByRole('button', { name: '検索' }))
    await screen.findByText('1 人中 1–1 人目')
    expect(router.state.location.search).toBe('?q=%E3%82%BD%E3%82%A6%E3%82%B4%E3%82%A6')

    await userEvent.selectOptions(screen.getByRole('combobox', { name: '状況' }), '完了')
    await screen.findByRole('row', { name: /総合 花子/ })
    expect(router.state.location.search).toBe('?q=%E3%82%BD%E3%82%A6%E3%82%B4%E3%82%A6&status=submitted')
    expect(calls(fetchMock, list('q=%E3%82%BD%E3%82%A6%E3%82%B4%E3%82%A6&status=submitted&sort=employeeNumber&order=asc&page=1&pageSize=50'))).toHaveLength(1)
    expect(screen.getByRole('button', { name: /^完了/ })).toHaveAttribute('aria-pressed', 'true')
  })

  it('shows the first steps of a new campaign with the next one marked, until nobody is 未発行', async () => {
    renderDashboard()
    const steps = await screen.findByRole('region', { name: 'はじめに' })
    const current = within(steps)
      .getAllByRole('listitem')
      .find((item) => item.getAttribute('aria-current') === 'step')
    expect(current).toHaveTextContent('2. ログイン情報を発行する')
    expect(current).toHaveTextContent('未発行の 4 人に')
    expect(within(current!).getByRole('link', { name: '2. ログイン情報を発行する' })).toHaveAttribute('href', paths.campaignCredentials(CAMPAIGN_ID))
  })

  it('filters メールなし in the URL and the request, and downloads the statuses CSV of the same filter', async () => {
    const { router, fetchMock } = renderDashboard()
    await screen.findByText('120 人中 1–50 人目')
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'メール' }), 'メールなし')
    await screen.findByText('1 人中 1–1 人目')
    expect(router.state.location.search).toBe('?email=without')
    expect(calls(fetchMock, list('email=without&sort=employeeNumber&order=asc&page=1&pageSize=50'))).toHaveLength(1)
    expect(screen.getByRole('link', { name: '状況一覧を CSV でダウンロード' })).toHaveAttribute(
      'href',
      `/api/admin/campaigns/${CAMPAIGN_ID}/employees.csv?email=without&sort=employeeNumber&order=asc&page=1&pageSize=50`,
    )
  })

  it('pages, sorts by a column (again flips the order) in the URL', async () => {
    const { router, fetchMock } = renderDashboard()
    await screen.findByRole('table', { name: '従業員一覧' })
    await userEvent.click(screen.getByRole('button', { name: '次のページ' }))
    await screen.findByText('120 人中 51–100 人目')
    expect(router.state.location.search).toBe('?page=2')

    await userEvent.click(screen.getByRole('button', { name: 'フリガナで並べ替え' }))
    await screen.findByText('120 人中 1–50 人目')
    expect(router.state.location.search).toBe('?sort=kana')
    await userEvent.click(screen.getByRole('button', { name: 'フリガナで並べ替え' }))
    await screen.findByRole('columnheader', { name: /フリガナ/ })
    expect(router.state.location.search).toBe('?sort=kana&order=desc')
    expect(screen.getByRole('columnheader', { name: /フリガナ/ })).toHaveAttribute('aria-sort', 'descending')
    expect(calls(fetchMock, list('sort=kana&order=desc&page=1&pageSize=50'))).toHaveLength(1)
  })

  it('reads its state from the URL on a reload', async () => {
    const { fetchMock } = renderDashboard('?sort=kana&order=desc')
    await screen.findByRole('row', { name: /総合 花子/ })
    expect(calls(fetchMock, list('sort=kana&order=desc&page=1&pageSize=50'))).toHaveLength(1)
    expect(calls(fetchMock, list(DEFAULT))).toHaveLength(0)
  })

  it('opens the credentials screen for the selected employees', async () => {
    renderDashboard()
    await userEvent.click(await screen.findByRole('checkbox', { name: '総合 太郎 を選択' }))
    await userEvent.click(screen.getByRole('checkbox', { name: '総合 花子 を選択' }))
    expect(screen.getByRole('link', { name: '選択した従業員の認証情報を再発行' })).toHaveAttribute(
      'href',
      paths.campaignCredentials(CAMPAIGN_ID, [taro.id, hanako.id]),
    )
  })
})
