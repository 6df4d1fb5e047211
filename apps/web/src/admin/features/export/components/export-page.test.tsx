import { screen } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { json, mockFetch } from '../../../../test/fetch-mock.ts'
import { paths, routePatterns } from '../../../config/paths.ts'
import { COMPANY_ID, buildCampaign, buildSession } from '../../../test/console.tsx'
import { renderRoute } from '../../../test/render-route.tsx'
import { ExportPage } from './export-page.tsx'

const campaign = buildCampaign()
const base = `/api/admin/campaigns/${campaign.id}`
const LABELS = ['給与システム用 CSV (UTF-8)', '給与システム用 CSV (Shift_JIS)', '書類画像 (ZIP)']

function openAs(role: 'administrator' | 'operator', canExport: boolean) {
  mockFetch({
    'GET /api/admin/session': () => json(200, buildSession('active', { companies: [{ id: COMPANY_ID, name: '株式会社総合', role, canExport }] })),
    [`GET ${base}`]: () => json(200, campaign),
  })
  renderRoute([{ path: routePatterns.campaignExport, element: <ExportPage /> }], paths.campaignExport(campaign.id))
}

describe('ExportPage', () => {
  it('gives an administrator the three downloads as plain links to the export routes', async () => {
    openAs('administrator', true)
    const utf8 = await screen.findByRole('link', { name: LABELS[0] })
    expect(utf8).toHaveAttribute('href', `${base}/exports/payroll.csv?encoding=utf-8`)
    expect(screen.getByRole('link', { name: LABELS[1] })).toHaveAttribute('href', `${base}/exports/payroll.csv?encoding=shift_jis`)
    expect(screen.getByRole('link', { name: LABELS[2] })).toHaveAttribute('href', `${base}/exports/documents.zip`)
  })

  it('gives the downloads to an operator an administrator allowed to export', async () => {
    openAs('operator', true)
    for (const label of LABELS) expect(await screen.findByRole('link', { name: label })).toBeInTheDocument()
  })

  it('shows an operator without the permission who may export, and no download', async () => {
    openAs('operator', false)
    expect(await screen.findByText('出力は、管理者または管理者が出力を許可した担当者だけが行えます。')).toBeInTheDocument()
    for (const label of LABELS) expect(screen.queryByRole('link', { name: label })).not.toBeInTheDocument()
  })
})
