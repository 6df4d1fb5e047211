import { screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { json, mockFetch } from '../../../../test/fetch-mock.ts'
import { paths, routePatterns } from '../../../config/paths.ts'
import { renderRoute } from '../../../test/render-route.tsx'
import { DisposalsPage } from './disposals-page.tsx'

const COMPANY = '33333333-3333-4333-8333-333333333333'
const record = (name: string, employeeNumber: string | null) => ({
  id: crypto.randomUUID(),
  campaignId: '11111111-1111-4111-8111-111111111111',
  campaignName: '2026年',
  personId: crypto.randomUUID(),
  personName: name,
  employeeNumber,
  relationship: '配偶者',
  disposedAt: '2026-12-01T01:00:00.000Z',
  disposedBy: null,
  trigger: 'retention',
  reason: '保存期間の終了',
  cause: null,
  documentKinds: [],
  imageCount: 0,
})

describe('DisposalsPage', () => {
  it('searches the records by name or 社員番号 and offers the same search as CSV', async () => {
    mockFetch({
      [`GET /api/admin/companies/${COMPANY}/disposals`]: () =>
        json(200, { records: [record('総合 花子', 'E0042'), record('別 次郎', 'E0100')], nextCursor: null }),
      [`GET /api/admin/companies/${COMPANY}/disposals?q=E0042`]: () => json(200, { records: [record('総合 花子', 'E0042')], nextCursor: null }),
    })
    const { router } = renderRoute([{ path: routePatterns.disposals, element: <DisposalsPage /> }], paths.disposals(COMPANY))
    expect(await screen.findByRole('rowheader', { name: '別 次郎' })).toBeInTheDocument()
    await userEvent.type(screen.getByRole('searchbox', { name: '氏名・社員番号で検索' }), 'E0042')
    await userEvent.click(screen.getByRole('button', { name: '検索' }))
    expect(await screen.findByRole('rowheader', { name: '総合 花子' })).toBeInTheDocument()
    expect(screen.queryByRole('rowheader', { name: '別 次郎' })).toBeNull()
    expect(router.state.location.search).toBe('?q=E0042')
    expect(screen.getByRole('link', { name: 'CSV で出力' })).toHaveAttribute('href', `/api/admin/companies/${COMPANY}/disposals.csv?q=E0042`)
  })
})
