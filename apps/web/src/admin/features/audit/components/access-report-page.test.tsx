import type { AuditEventRow } from '@bango/shared/admin-audit'
import { screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { calls, json, mockFetch } from '../../../../test/fetch-mock.ts'
import { paths, routePatterns } from '../../../config/paths.ts'
import { renderRoute } from '../../../test/render-route.tsx'
import { AccessReportPage } from './access-report-page.tsx'

const COMPANY = '33333333-3333-4333-8333-333333333333'
const OPERATOR = '55555555-5555-4555-8555-555555555555'
const session = {
  stage: 'active',
  csrfToken: 'csrf',
  operator: { id: OPERATOR, email: 'a@example.test', name: '管理 花子', isSystemAdmin: false, totpEnabled: true },
  companies: [{ id: COMPANY, name: '総合商事', role: 'administrator', canExport: true }],
  expiresAt: '2999-01-01T00:00:00.000Z',
}
const exportEvent: AuditEventRow = {
  id: '7',
  at: '2026-11-26T01:02:03.000Z',
  companyId: COMPANY,
  companyName: '総合商事',
  actorType: 'operator',
  actorId: OPERATOR,
  actorName: '管理 花子',
  actorEmail: 'a@example.test',
  action: 'export.payroll_csv',
  targetId: null,
  targetName: null,
  detail: { count: 2 },
  actorEmployeeNumber: null,
  targetEmployeeNumber: null,
  targetDocument: null,
  names: {},
}
const report = (from: string, to: string) => `GET /api/admin/companies/${COMPANY}/access-report?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`

describe('AccessReportPage', () => {
  it('asks for a window, then lists who accessed whom in it, the exported persons by name, with the CSV of the same window', async () => {
    const from = new Date('2026-11-01T09:00').toISOString()
    const to = new Date('2026-12-01T09:00').toISOString()
    const fetchMock = mockFetch({
      'GET /api/admin/session': () => json(200, session),
      [report(from, to)]: () =>
        json(200, {
          companyName: '総合商事',
          from,
          to,
          operatorId: null,
          producedAt: '2026-12-07T03:00:00.000Z',
          events: [exportEvent],
          exported: { a: { name: '総合 太郎', employeeNumber: 'E0001' }, b: { name: '総合 花子', employeeNumber: 'E0001' } },
          truncated: false,
        }),
    })
    renderRoute([{ path: routePatterns.accessReport, element: <AccessReportPage /> }], paths.accessReport(COMPANY))
    expect(await screen.findByRole('heading', { name: 'アクセスの報告（総合商事）' })).toBeInTheDocument()
    // Nothing is asked (and recorded) before a window is given; a backwards window is refused in the browser.
    await userEvent.type(screen.getByLabelText('開始日時'), '2026-12-01T09:00')
    await userEvent.type(screen.getByLabelText('終了日時（この時刻を含まない）'), '2026-11-01T09:00')
    await userEvent.click(screen.getByRole('button', { name: '表示する' }))
    expect(await screen.findByRole('alert')).toHaveTextContent('終了は開始より後')
    expect(calls(fetchMock, report(from, to))).toHaveLength(0)

    await userEvent.clear(screen.getByLabelText('開始日時'))
    await userEvent.type(screen.getByLabelText('開始日時'), '2026-11-01T09:00')
    await userEvent.clear(screen.getByLabelText('終了日時（この時刻を含まない）'))
    await userEvent.type(screen.getByLabelText('終了日時（この時刻を含まない）'), '2026-12-01T09:00')
    await userEvent.click(screen.getByRole('button', { name: '表示する' }))
    expect(await screen.findByRole('heading', { name: '出力に含まれた人（2 人）' })).toBeInTheDocument()
    expect(screen.getByText('給与システム用 CSV の出力')).toBeInTheDocument()
    expect(screen.getByText(/総合 花子/)).toBeInTheDocument()
    expect(screen.getByRole('link', { name: 'CSV で出力（出力は 1 人 1 行）' })).toHaveAttribute(
      'href',
      `/api/admin/companies/${COMPANY}/access-report.csv?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`,
    )
    expect(calls(fetchMock, report(from, to))).toHaveLength(1)
  })
})
