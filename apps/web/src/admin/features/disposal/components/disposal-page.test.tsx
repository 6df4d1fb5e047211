import type { DisposalPreviewResponse } from '@bango/shared/admin-disposal'
import { screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { beforeEach, describe, expect, it } from 'vitest'
import { calls, json, mockFetch } from '../../../../test/fetch-mock.ts'
import { paths, routePatterns } from '../../../config/paths.ts'
import { setCsrfToken } from '../../../lib/api-client.ts'
import { COMPANY_ID, buildCampaign, buildSession } from '../../../test/console.tsx'
import { renderRoute } from '../../../test/render-route.tsx'
import { DisposalPage } from './disposal-page.tsx'

const campaign = buildCampaign({ status: 'closed', closedAt: '2026-11-20T00:00:00.000Z', retentionMonths: 12 })
const base = `/api/admin/campaigns/${campaign.id}`
const preview: DisposalPreviewResponse = {
  retentionMonths: 12,
  persons: [
    {
      personId: '00000000-0000-4000-8000-000000000101',
      employeeId: '00000000-0000-4000-8000-000000000101',
      name: '総合 太郎',
      employeeNumber: 'E001',
      relationship: '本人',
      submittedAt: '2025-10-01T00:00:00.000Z',
      retentionStartsOn: '2026-01-11',
      expiredAt: '2027-01-10T15:00:00.000Z',
      imageCount: 2,
    },
    {
      personId: '00000000-0000-4000-8000-000000000102',
      employeeId: '00000000-0000-4000-8000-000000000101',
      name: '総合 花子',
      employeeNumber: null,
      relationship: '配偶者',
      submittedAt: '2025-10-01T00:00:00.000Z',
      retentionStartsOn: '2026-01-11',
      expiredAt: '2027-01-10T15:00:00.000Z',
      imageCount: 1,
    },
  ],
  totalImages: 3,
  shortenings: [],
}

function routes(role: 'administrator' | 'operator', overrides: Record<string, () => Response> = {}) {
  return mockFetch({
    'GET /api/admin/session': () =>
      json(200, buildSession('active', { companies: [{ id: COMPANY_ID, name: '株式会社総合', role, canExport: role === 'administrator' }] })),
    [`GET ${base}`]: () => json(200, campaign),
    [`GET ${base}/disposal/preview`]: () => json(200, preview),
    [`POST ${base}/dispose`]: () => json(200, { persons: 2, images: 3 }),
    [`GET ${base}/dashboard`]: () =>
      json(200, { counts: { unissued: 1, issued: 0, logged_in: 0, consented: 0, in_progress: 0, submitted: 1, returned: 0, approved: 1 }, total: 3 }),
    ...overrides,
  })
}

const open = () => renderRoute([{ path: routePatterns.campaignDisposal, element: <DisposalPage /> }], paths.campaignDisposal(campaign.id))

beforeEach(() => setCsrfToken('csrf-token-1'))

describe('DisposalPage', () => {
  it('lists what the next automatic disposal takes, and disposes of the campaign only after the counts, the name and a reason', async () => {
    const fetchMock = routes('administrator')
    open()
    const table = await screen.findByRole('table', { name: '次回の自動廃棄の対象' })
    expect(within(table).getByRole('row', { name: /総合 花子/ })).toHaveTextContent('配偶者')
    // The period counts from 11 January after the 完了's year (ADR 049), and ends at midnight in Japan.
    expect(within(table).getByRole('row', { name: /総合 太郎/ })).toHaveTextContent(/2026年1月11日.*2027\/01\/11 00:00/)
    expect(screen.getByText(/まだ廃棄されていません。.*2 名、画像 3 枚/)).toBeInTheDocument()
    expect(await screen.findByText('対象：従業員 3 人とその家族（このうち提出済み 2 人）。')).toBeInTheDocument()

    const button = screen.getByRole('button', { name: '収集依頼の書類をすべて廃棄' })
    expect(button).toBeDisabled()
    await userEvent.type(screen.getByLabelText('廃棄の理由'), '保存期間前の廃棄指示')
    await userEvent.type(screen.getByLabelText(/収集依頼の名前/), '2026年')
    expect(button).toBeDisabled()
    await userEvent.clear(screen.getByLabelText(/収集依頼の名前/))
    await userEvent.type(screen.getByLabelText(/収集依頼の名前/), campaign.name)
    expect(button).toBeEnabled()
    await userEvent.click(button)

    expect(await screen.findByText('2 名の書類（画像 3 枚）を廃棄しました。')).toBeInTheDocument()
    const [, init] = calls(fetchMock, `POST ${base}/dispose`)[0]!
    expect(JSON.parse(String(init?.body))).toEqual({ reason: '保存期間前の廃棄指示' })
    expect(init?.headers).toMatchObject({ 'x-csrf-token': 'csrf-active' })
  })

  it('offers no disposal while the campaign is open', async () => {
    routes('administrator', { [`GET ${base}`]: () => json(200, { ...campaign, status: 'open', closedAt: null }) })
    open()
    expect(await screen.findByText(/受付中の収集依頼は廃棄できません/)).toBeInTheDocument()
    expect(screen.queryByRole('button', { name: '収集依頼の書類をすべて廃棄' })).not.toBeInTheDocument()
  })

  it('shows an operator that disposal is for administrators, and nothing else', async () => {
    const fetchMock = routes('operator')
    open()
    expect(await screen.findByText('廃棄は取扱責任者だけが行えます。')).toBeInTheDocument()
    expect(screen.queryByRole('button')).not.toBeInTheDocument()
    expect(calls(fetchMock, `POST ${base}/dispose`)).toHaveLength(0)
  })

  it('shows a shortened retention in its grace period, who it will take, and undoes it', async () => {
    const shortening = {
      id: '00000000-0000-4000-8000-000000000301',
      fromMonths: 84,
      toMonths: 12,
      changedAt: '2026-12-01T00:00:00.000Z',
      changedBy: { id: '00000000-0000-4000-8000-000000000302', name: '人事 一郎' },
      effectiveAt: '2026-12-08T00:00:00.000Z',
      persons: preview.persons,
    }
    const UNDO = `POST ${base}/retention-shortenings/${shortening.id}/undo`
    const fetchMock = routes('administrator', {
      [`GET ${base}/disposal/preview`]: () =>
        json(200, { ...preview, persons: [], totalImages: 0, shortenings: calls(fetchMock, UNDO).length ? [] : [shortening] }),
      [UNDO]: () => json(200, { ...campaign, retentionMonths: 84 }),
    })
    open()
    expect(await screen.findByText(/人事 一郎 さんが保存期間を 84 か月から 12 か月に短縮しました。/)).toBeInTheDocument()
    expect(screen.getByText(/次の 2 名（画像 3 枚）の書類が廃棄されます。/)).toBeInTheDocument()
    expect(within(screen.getByRole('table', { name: '保存期間の短縮（猶予期間中）' })).getByRole('row', { name: /総合 花子/ })).toBeInTheDocument()
    await userEvent.click(screen.getByRole('button', { name: '短縮を取り消す' }))
    expect(await screen.findByText('短縮を取り消しました。保存期間は元に戻りました。')).toBeInTheDocument()
    expect(calls(fetchMock, UNDO)).toHaveLength(1)
    expect(screen.queryByText(/に短縮しました。/)).not.toBeInTheDocument()
  })
})
