import type { DisposalCertificateResponse, HandlingRecordResponse } from '@bango/shared/admin-records'
import { screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'
import { json, mockFetch } from '../../../../test/fetch-mock.ts'
import { paths, routePatterns } from '../../../config/paths.ts'
import { renderRoute } from '../../../test/render-route.tsx'
import { DisposalCertificatePage } from './disposal-certificate-page.tsx'
import { HandlingRecordPage } from './handling-record-page.tsx'

const CAMPAIGN = '11111111-1111-4111-8111-111111111111'
const PERSON = '44444444-4444-4444-8444-444444444444'
const head = {
  companyName: '総合商事',
  campaignId: CAMPAIGN,
  campaignName: '2026年 年末調整',
  campaignCreatedAt: '2026-10-01T00:00:00.000Z',
  campaignClosedAt: '2026-11-30T00:00:00.000Z',
  producedAt: '2026-12-07T03:00:00.000Z',
}
const handling: HandlingRecordResponse = {
  ...head,
  from: '2026-11-02T01:00:00.000Z',
  to: '2026-11-02T01:00:00.000Z',
  truncated: false,
  events: [
    {
      id: '9',
      at: '2026-11-02T01:00:00.000Z',
      companyId: null,
      companyName: '総合商事',
      actorType: 'operator',
      actorId: 'op',
      actorName: '管理 花子',
      actorEmail: null,
      actorEmployeeNumber: null,
      action: 'document.viewed',
      targetId: 'doc',
      targetName: null,
      targetEmployeeNumber: null,
      targetDocument: { personName: '総合 花子', employeeNumber: 'E0042', role: 'number', slot: 0, side: 'back', type: 'my_number_card' },
      detail: { personId: PERSON },
      names: { [PERSON]: { name: '総合 花子', employeeNumber: 'E0042' } },
    },
  ],
}
const certificate: DisposalCertificateResponse = {
  ...head,
  entries: [
    {
      disposedFrom: '2026-12-01T01:00:00.000Z',
      disposedTo: '2026-12-01T01:00:00.000Z',
      trigger: 'campaign',
      disposedBy: '管理 花子',
      reason: '収集依頼を終えたため',
      persons: 2,
      images: 4,
      withoutDocuments: 519,
    },
  ],
  persons: [
    {
      name: '総合 太郎',
      employeeNumber: 'E0042',
      relationship: '本人',
      disposedAt: '2026-12-01T01:00:00.000Z',
      documentKinds: ['number:my_number_card'],
      imageCount: 2,
    },
  ],
  totals: { persons: 2, images: 4, withoutDocuments: 519 },
}

function render(path: string, element: React.ReactElement, pattern: string) {
  mockFetch({
    [`GET /api/admin/campaigns/${CAMPAIGN}/handling-record`]: () => json(200, handling),
    [`GET /api/admin/campaigns/${CAMPAIGN}/disposal-certificate`]: () => json(200, certificate),
  })
  return renderRoute([{ path: pattern, element }], path)
}

describe('the printable records', () => {
  it('取扱記録: company, campaign and period at the top, each handling in words, and 「印刷」 prints', async () => {
    const print = vi.spyOn(window, 'print').mockImplementation(() => {})
    render(paths.handlingRecord(CAMPAIGN), <HandlingRecordPage />, routePatterns.handlingRecord)
    const sheet = await screen.findByRole('article', { name: '特定個人情報の取扱記録' })
    expect(sheet).toHaveTextContent('総合商事')
    expect(sheet).toHaveTextContent('2026年 年末調整')
    const row = within(sheet).getByRole('row', { name: /画像の閲覧/ })
    expect(row).toHaveTextContent('管理 花子')
    expect(row).toHaveTextContent('総合 花子（社員番号 E0042） の マイナンバーカード うら面')
    expect(row).toHaveTextContent('対象者: 総合 花子（社員番号 E0042）')
    await userEvent.click(screen.getByRole('button', { name: '印刷' }))
    expect(print).toHaveBeenCalledOnce()
  })

  it('廃棄証明: counts per disposal, the persons whose documents existed, and the others only counted', async () => {
    render(paths.disposalCertificate(CAMPAIGN), <DisposalCertificatePage />, routePatterns.disposalCertificate)
    const sheet = await screen.findByRole('article', { name: '特定個人情報の廃棄証明' })
    expect(sheet).toHaveTextContent('書類を廃棄した対象者 2 名、画像 4 枚')
    expect(sheet).toHaveTextContent('書類を提出していなかった対象者 519 名')
    const entry = within(within(sheet).getByRole('table', { name: '廃棄の実施' })).getByRole('row', { name: /収集依頼を終えたため/ })
    expect(entry).toHaveTextContent('管理 花子')
    const persons = within(sheet).getByRole('table', { name: '書類を廃棄した対象者' })
    expect(within(persons).getAllByRole('row')).toHaveLength(2)
    expect(persons).toHaveTextContent('総合 太郎（社員番号 E0042）')
    expect(persons).toHaveTextContent('マイナンバーカード（番号確認）')
  })
})
