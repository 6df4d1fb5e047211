import type { AuditEventRow } from '@bango/shared/admin-audit'
import { screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'
import { calls, json, mockFetch } from '../../../../test/fetch-mock.ts'
import { paths, routePatterns } from '../../../config/paths.ts'
import { renderRoute } from '../../../test/render-route.tsx'
import { AuditPage } from './audit-page.tsx'

const COMPANY = '33333333-3333-4333-8333-333333333333'
const PERSON = '44444444-4444-4444-8444-444444444444'
const session = {
  stage: 'active',
  csrfToken: 'csrf',
  operator: { id: '55555555-5555-4555-8555-555555555555', email: 'a@example.test', name: '管理 花子', isSystemAdmin: false, totpEnabled: true },
  companies: [
    { id: COMPANY, name: '総合商事', role: 'administrator', canExport: true },
    { id: '66666666-6666-4666-8666-666666666666', name: '見えない会社', role: 'operator', canExport: false },
  ],
  expiresAt: '2999-01-01T00:00:00.000Z',
}
const event = (id: number, action = 'employee.login'): AuditEventRow => ({
  id: String(id),
  at: '2026-11-26T01:02:03.000Z',
  companyId: COMPANY,
  companyName: '総合商事',
  actorType: 'employee',
  actorId: PERSON,
  actorName: `総合 太郎 ${id}`,
  actorEmail: null,
  action,
  targetId: null,
  targetName: null,
  detail: { n: id },
  actorEmployeeNumber: 'E0001',
  targetEmployeeNumber: null,
  targetDocument: null,
  names: {},
})
const viewed: AuditEventRow = {
  ...event(4, 'document.viewed'),
  actorType: 'operator',
  actorName: '管理 花子',
  actorEmployeeNumber: null,
  actorEmail: 'a@example.test',
  targetId: '77777777-7777-4777-8777-777777777777',
  targetDocument: { personName: '総合 花子', employeeNumber: 'E0001', role: 'number', slot: 0, side: 'back', type: 'my_number_card' },
  detail: { personId: PERSON, side: 'back', images: 2, readAtUpload: true, newKey: 'x' },
  names: { [PERSON]: { name: '総合 花子', employeeNumber: 'E0001' } },
}
const OPERATOR = '55555555-5555-4555-8555-555555555555'
const subject = { id: PERSON, name: '総合 太郎', employeeNumber: 'E0001', note: '本人・2026年・総合商事' }
const list = (search: string) => `GET /api/admin/audit-events?${search}`
const FILTERED = `from=${encodeURIComponent('2026-11-01T00:00:00+09:00')}&to=${encodeURIComponent('2026-12-01T00:00:00+09:00')}&action=${encodeURIComponent('admin.*')}&companyId=${COMPANY}`

function renderAudit(url: string) {
  const fetchMock = mockFetch({
    'GET /api/admin/session': () => json(200, session),
    [list(`personId=${PERSON}&limit=50`)]: () => json(200, { events: [event(3), event(2), viewed], nextCursor: 'c2' }),
    [list(`personId=${PERSON}&cursor=c2&limit=50`)]: () => json(200, { events: [event(1)], nextCursor: null }),
    [`GET /api/admin/audit-subjects?id=${PERSON}`]: () => json(200, { persons: [subject], operators: [] }),
    [`GET /api/admin/audit-subjects?id=${OPERATOR}`]: () =>
      json(200, { persons: [], operators: [{ id: OPERATOR, name: '管理 花子', employeeNumber: null, note: 'a@example.test' }] }),
    [`GET /api/admin/audit-subjects?q=${encodeURIComponent('管理')}`]: () =>
      json(200, { persons: [], operators: [{ id: OPERATOR, name: '管理 花子', employeeNumber: null, note: 'a@example.test' }] }),
    [list(`actorId=${OPERATOR}&personId=${PERSON}&limit=50`)]: () => json(200, { events: [viewed], nextCursor: null }),
    [list(`${FILTERED}&personId=${PERSON}&limit=50`)]: () => json(200, { events: [event(9, 'admin.login')], nextCursor: null }),
  })
  return { ...renderRoute([{ path: routePatterns.audit, element: <AuditPage /> }], url), fetchMock }
}

describe('AuditPage', () => {
  it('reads a row in words: whose document and which, the detail as labelled values, never JSON', async () => {
    renderAudit(paths.audit({ personId: PERSON }))
    const row = await screen.findByRole('row', { name: /画像の閲覧/ })
    expect(row).toHaveTextContent('総合 花子（社員番号 E0001） の マイナンバーカード うら面')
    const pairs = within(row)
      .getAllByRole('term')
      .map((term) => `${term.textContent}=${term.nextElementSibling?.textContent}`)
    expect(pairs).toEqual(['対象者=総合 花子（社員番号 E0001）', '画像の枚数=2', '提出時に読み取り済み=はい', '面=うら面', 'newKey=x'])
    expect(row.textContent).not.toMatch(/[{}"]/)
  })

  it('opens filtered by person from a link, pages forward with the cursor and back from the stack', async () => {
    const { fetchMock } = renderAudit(paths.audit({ personId: PERSON }))
    const table = await screen.findByRole('table', { name: '監査ログ' })
    expect(within(table).getAllByRole('row')).toHaveLength(4)
    expect(within(table).getByRole('row', { name: /総合 太郎 3/ })).toHaveTextContent('従業員ログイン')
    expect(within(table).getByRole('button', { name: '総合 太郎 3（社員番号 E0001）' })).toBeInTheDocument()
    expect(await screen.findByRole('group', { name: '対象者（選択中）' })).toHaveTextContent('総合 太郎（社員番号 E0001）')
    expect(screen.getByRole('button', { name: '前へ' })).toBeDisabled()

    await userEvent.click(screen.getByRole('button', { name: '次へ' }))
    expect(await screen.findByRole('row', { name: /総合 太郎 1/ })).toBeInTheDocument()
    expect(screen.getByText('2 ページ目')).toBeInTheDocument()
    expect(screen.getByRole('button', { name: '次へ' })).toBeDisabled()

    await userEvent.click(screen.getByRole('button', { name: '前へ' }))
    expect(await screen.findByRole('row', { name: /総合 太郎 3/ })).toBeInTheDocument()
    // Shown at once from the cache, and asked again: events may have come since.
    await vi.waitFor(() => expect(calls(fetchMock, list(`personId=${PERSON}&limit=50`))).toHaveLength(2))
  })

  it('chooses the operator by name instead of an id, and keeps the person from the link', async () => {
    const { router } = renderAudit(paths.audit({ personId: PERSON }))
    await screen.findByRole('table', { name: '監査ログ' })
    await userEvent.type(screen.getByRole('searchbox', { name: '操作者' }), '管理')
    const matches = await screen.findByRole('list', { name: '操作者の候補' })
    await userEvent.click(within(matches).getByRole('button', { name: '管理 花子' }))
    expect(await screen.findByRole('group', { name: '操作者（選択中）' })).toHaveTextContent('管理 花子')
    await userEvent.click(screen.getByRole('button', { name: '絞り込む' }))
    await vi.waitFor(() => expect(router.state.location.search).toBe(`?actorId=${OPERATOR}&personId=${PERSON}`))
    expect(await screen.findByRole('row', { name: /画像の閲覧/ })).toBeInTheDocument()
    await userEvent.click(screen.getByRole('button', { name: '対象者の選択を解除' }))
    expect(screen.getByRole('searchbox', { name: '対象者' })).toHaveValue('')
  })

  it('turns the filters into the query string (Japan-time days, action group, company) and the CSV link follows', async () => {
    const { fetchMock, router } = renderAudit(paths.audit({ personId: PERSON }))
    await screen.findByRole('table', { name: '監査ログ' })
    // Only companies the operator administers are offered.
    expect(within(screen.getByLabelText('会社')).queryByRole('option', { name: '見えない会社' })).toBeNull()
    await userEvent.type(screen.getByLabelText('期間（開始日）'), '2026-11-01')
    await userEvent.type(screen.getByLabelText('期間（終了日）'), '2026-11-30')
    await userEvent.selectOptions(screen.getByLabelText('操作'), '管理者アカウント（すべて）')
    await userEvent.selectOptions(screen.getByLabelText('会社'), '総合商事')
    await userEvent.click(screen.getByRole('button', { name: '絞り込む' }))

    expect(await screen.findByRole('row', { name: /総合 太郎 9/ })).toHaveTextContent('管理者ログイン')
    expect(calls(fetchMock, list(`${FILTERED}&personId=${PERSON}&limit=50`))).toHaveLength(1)
    expect(router.state.location.search).toBe(`?from=2026-11-01&to=2026-11-30&action=${encodeURIComponent('admin.*')}&companyId=${COMPANY}&personId=${PERSON}`)
    expect(screen.getByRole('link', { name: 'CSV で出力' })).toHaveAttribute('href', `/api/admin/audit-events.csv?${FILTERED}&personId=${PERSON}`)
    expect(screen.getByText('1 ページ目')).toBeInTheDocument()
  })
})
