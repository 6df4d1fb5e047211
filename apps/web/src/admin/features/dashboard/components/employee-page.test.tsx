import type { EmployeeDetailResponse } from '@bango/shared/admin-dashboard'
import { screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { beforeEach, describe, expect, it } from 'vitest'
import { calls, json, mockFetch } from '../../../../test/fetch-mock.ts'
import { paths, routePatterns } from '../../../config/paths.ts'
import { setCsrfToken } from '../../../lib/api-client.ts'
import { buildCampaign, buildSession } from '../../../test/console.tsx'
import { buildEmployeeRow, CAMPAIGN_ID, uuid } from '../../../test/factories.ts'
import { renderRoute } from '../../../test/render-route.tsx'
import { EmployeePage } from './employee-page.tsx'

const row = buildEmployeeRow({ name: '総合 太郎', progress: 'in_progress', lastLoginAt: '2026-11-26T03:04:00.000Z' })
const base = `/api/admin/campaigns/${CAMPAIGN_ID}/employees/${row.id}`

function detail(lockedUntil: string | null): EmployeeDetailResponse {
  return {
    employee: {
      ...row,
      lockedUntil,
      birthDate: '1980-04-01',
      failedAttempts: lockedUntil ? 5 : 0,
      credentialIssuedAt: '2026-11-20T00:00:00.000Z',
      consentedAt: '2026-11-26T03:05:00.000Z',
      consentLanguage: 'vi',
      language: 'en',
      submittedAt: null,
      retentionEndsAt: null,
    },
    persons: [
      {
        id: uuid(),
        kind: 'employee',
        name: '総合 太郎',
        kana: 'ソウゴウ タロウ',
        relationship: '本人',
        birthDate: '1980-04-01',
        addedByEmployee: false,
        status: 'registered',
        draftImages: 2,
        disposedAt: null,
      },
      {
        id: uuid(),
        kind: 'dependent',
        name: '総合 次郎',
        kana: 'ソウゴウ ジロウ',
        relationship: '子',
        birthDate: '2015-06-01',
        addedByEmployee: true,
        status: 'pending',
        draftImages: 0,
        disposedAt: null,
      },
    ],
  }
}

beforeEach(() => setCsrfToken('csrf-token-1'))

describe('EmployeePage', () => {
  it('shows the lock, unlocks it with 「ロック解除」, and lists the persons with their draft status', async () => {
    let locked: string | null = '2999-01-01T00:00:00.000Z'
    const fetchMock = mockFetch({
      [`GET ${base}`]: () => json(200, detail(locked)),
      [`POST ${base}/unlock`]: () => {
        locked = null
        return new Response(null, { status: 204 })
      },
    })
    renderRoute([{ path: routePatterns.employee, element: <EmployeePage /> }], paths.employee(CAMPAIGN_ID, row.id))

    expect(await screen.findByRole('heading', { level: 1, name: '総合 太郎' })).toBeInTheDocument()
    expect(screen.getByText(/ロック中（/)).toBeInTheDocument()
    expect(screen.getByText('5')).toBeInTheDocument()
    // The consent's language and the employee's (which later e-mails follow).
    expect(screen.getByText('2026/11/26 12:05（ベトナム語の文面に同意）')).toBeInTheDocument()
    expect(screen.getByText('英語')).toBeInTheDocument()
    const persons = screen.getByRole('table', { name: '収集対象者' })
    expect(within(persons).getByRole('row', { name: /総合 次郎/ })).toHaveTextContent('未登録')
    expect(within(persons).getByRole('row', { name: /総合 次郎/ })).toHaveTextContent('本人が追加')
    expect(within(persons).queryByRole('img')).not.toBeInTheDocument()
    expect(within(persons).getByRole('link', { name: '総合 次郎の個人番号の記録' })).toHaveAttribute(
      'href',
      expect.stringMatching(new RegExp(`^/admin/campaigns/${CAMPAIGN_ID}/employees/${row.id}/persons/[0-9a-f-]+/number$`)),
    )
    expect(screen.getByRole('link', { name: '認証情報を再発行' })).toHaveAttribute('href', paths.campaignCredentials(CAMPAIGN_ID, [row.id]))

    await userEvent.click(screen.getByRole('button', { name: 'ロック解除' }))
    expect(await screen.findByText('ロックを解除しました。')).toBeInTheDocument()
    expect(screen.queryByRole('button', { name: 'ロック解除' })).not.toBeInTheDocument()
    expect(calls(fetchMock, `POST ${base}/unlock`)[0]?.[1]?.headers).toMatchObject({ 'x-csrf-token': 'csrf-token-1' })
  })

  it('offers no re-issue once the employee was disposed of (廃棄): their login ended', async () => {
    const disposed = detail(null)
    for (const person of disposed.persons) person.disposedAt = '2026-11-27T04:00:00.000Z'
    mockFetch({ [`GET ${base}`]: () => json(200, disposed) })
    renderRoute([{ path: routePatterns.employee, element: <EmployeePage /> }], paths.employee(CAMPAIGN_ID, row.id))

    expect(await screen.findByRole('heading', { level: 1, name: '総合 太郎' })).toBeInTheDocument()
    expect(screen.queryByRole('link', { name: '認証情報を再発行' })).not.toBeInTheDocument()
    expect(screen.getByText('書類を廃棄したため、この方のログインは終了しています。認証情報は再発行できません。')).toBeInTheDocument()
  })

  it('names each person on their 廃棄 button: two children are told apart by name, on screen and to a screen reader', async () => {
    const submitted = detail(null)
    submitted.employee.submittedAt = '2026-11-26T04:00:00.000Z'
    submitted.persons.push({ ...submitted.persons[1]!, id: uuid(), name: '総合 三郎', kana: 'ソウゴウ サブロウ' })
    mockFetch({
      'GET /api/admin/session': () => json(200, buildSession('active')),
      [`GET /api/admin/campaigns/${CAMPAIGN_ID}`]: () => json(200, buildCampaign({ id: CAMPAIGN_ID, status: 'closed', closedAt: '2026-11-26T05:00:00.000Z' })),
      [`GET ${base}`]: () => json(200, submitted),
    })
    renderRoute([{ path: routePatterns.employee, element: <EmployeePage /> }], paths.employee(CAMPAIGN_ID, row.id))

    const section = within((await screen.findByRole('heading', { name: '廃棄' })).closest('section')!)
    const buttons = section.getAllByRole('button')
    expect(buttons.map((button) => button.textContent)).toEqual(['総合 太郎（本人）の書類を廃棄', '総合 次郎（子）の書類を廃棄', '総合 三郎（子）の書類を廃棄'])
    // The accessible name is the visible label (no aria-label that could drift from it).
    for (const button of buttons) expect(button).toHaveAccessibleName(button.textContent!)
  })

  it('lets an administrator dispose of one person of a submitted employee, with a reason', async () => {
    const submitted = detail(null)
    submitted.employee.submittedAt = '2026-11-26T04:00:00.000Z'
    const dependent = submitted.persons[1]!
    const fetchMock = mockFetch({
      'GET /api/admin/session': () => json(200, buildSession('active')),
      [`GET /api/admin/campaigns/${CAMPAIGN_ID}`]: () => json(200, buildCampaign({ id: CAMPAIGN_ID, status: 'closed', closedAt: '2026-11-26T05:00:00.000Z' })),
      [`GET ${base}`]: () => json(200, submitted),
      [`POST ${base}/persons/${dependent.id}/dispose`]: () => json(200, { persons: 1, images: 2 }),
    })
    renderRoute([{ path: routePatterns.employee, element: <EmployeePage /> }], paths.employee(CAMPAIGN_ID, row.id))

    await userEvent.click(await screen.findByRole('button', { name: '総合 次郎（子）の書類を廃棄' }))
    const yes = screen.getByRole('button', { name: '廃棄する' })
    expect(yes).toBeDisabled()
    await userEvent.type(screen.getByLabelText(/廃棄の理由/), '扶養から外れたため')
    await userEvent.click(yes)
    expect(await screen.findByText('1 名の書類（画像 2 枚）を廃棄しました。')).toBeInTheDocument()
    expect(JSON.parse(String(calls(fetchMock, `POST ${base}/persons/${dependent.id}/dispose`)[0]?.[1]?.body))).toEqual({ reason: '扶養から外れたため' })
  })
})
