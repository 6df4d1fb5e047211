import { PAYROLL_PRESETS, type PayrollLayout } from '@bango/shared/admin-export'
import { screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { calls, json, mockFetch } from '../../../../test/fetch-mock.ts'
import { paths, routePatterns } from '../../../config/paths.ts'
import { COMPANY_ID, buildCampaign, buildSession } from '../../../test/console.tsx'
import { renderRoute } from '../../../test/render-route.tsx'
import { ExportPage } from './export-page.tsx'

const campaign = buildCampaign()
const base = `/api/admin/campaigns/${campaign.id}`
const layoutUrl = `/api/admin/companies/${COMPANY_ID}/exports/layout`
const LABELS = ['Excel (.xlsx)', '給与システム用 CSV (UTF-8)', '給与システム用 CSV (Shift_JIS)', '書類画像 (ZIP)']
const SUMMARY = { exported: 40, withoutNumber: 12, left: { notSubmitted: 5, inReview: 3, returned: 1, notApplicable: 2, disposed: 0 } }
const standard = PAYROLL_PRESETS[0].layout

function openAs(role: 'administrator' | 'operator', canExport: boolean, saved: PayrollLayout = standard) {
  const fetchMock = mockFetch({
    'GET /api/admin/session': () => json(200, buildSession('active', { companies: [{ id: COMPANY_ID, name: '株式会社総合', role, canExport }] })),
    [`GET ${base}`]: () => json(200, campaign),
    [`GET ${base}/exports/summary`]: () => json(200, SUMMARY),
    [`GET ${layoutUrl}`]: () => json(200, { layout: saved, isDefault: saved === standard }),
    [`PUT ${layoutUrl}`]: (request) => json(200, { layout: request.json(), isDefault: false }),
  })
  renderRoute([{ path: routePatterns.campaignExport, element: <ExportPage /> }], paths.campaignExport(campaign.id))
  return fetchMock
}

describe('ExportPage', () => {
  it('gives an administrator the downloads as plain links to the export routes, the workbook first', async () => {
    openAs('administrator', true)
    expect(await screen.findByRole('link', { name: LABELS[0] })).toHaveAttribute('href', `${base}/exports/payroll.xlsx`)
    expect(screen.getByRole('link', { name: LABELS[1] })).toHaveAttribute('href', `${base}/exports/payroll.csv?encoding=utf-8`)
    expect(screen.getByRole('link', { name: LABELS[2] })).toHaveAttribute('href', `${base}/exports/payroll.csv?encoding=shift_jis`)
    expect(screen.getByRole('link', { name: LABELS[3] })).toHaveAttribute('href', `${base}/exports/documents.zip`)
  })

  it('says how many persons are exported, how many without a number, and why the others are not', async () => {
    openAs('administrator', true)
    expect(await screen.findByText('40 人を出力します')).toBeInTheDocument()
    expect(screen.getByText('うち 12 人は個人番号が未記録のため、個人番号の欄が空になります。')).toBeInTheDocument()
    const left = screen.getByRole('heading', { name: '出力されない人' }).nextElementSibling as HTMLElement
    const facts = within(left)
      .getAllByRole('term')
      .map((term) => `${term.textContent} ${term.nextElementSibling?.textContent}`)
    expect(facts).toEqual(['未提出 5 人', '審査待ち 3 人', '差し戻し中 1 人', '対象外 2 人'])
  })

  it('gives the downloads to an operator an administrator allowed to export', async () => {
    openAs('operator', true)
    for (const label of LABELS) expect(await screen.findByRole('link', { name: label })).toBeInTheDocument()
  })

  it('shows an operator without the permission who may export, and no download, summary or layout', async () => {
    const fetchMock = openAs('operator', false)
    expect(await screen.findByText('出力は、管理者または管理者が出力を許可した担当者だけが行えます。')).toBeInTheDocument()
    for (const label of LABELS) expect(screen.queryByRole('link', { name: label })).not.toBeInTheDocument()
    expect(calls(fetchMock, `GET ${base}/exports/summary`)).toHaveLength(0)
    expect(calls(fetchMock, `GET ${layoutUrl}`)).toHaveLength(0)
  })
})

describe('列の設定', () => {
  it('applies the minimal preset, moves a column, renames a header, picks the era and saves that layout', async () => {
    const user = userEvent.setup()
    const fetchMock = openAs('administrator', true)
    expect(await screen.findByText('まだ保存されていません（標準の形式で出力します）。')).toBeInTheDocument()
    await user.selectOptions(screen.getByLabelText('ひな形'), 'minimal')
    await user.click(screen.getByRole('button', { name: 'ひな形を反映' }))
    await user.click(screen.getByRole('button', { name: '氏名を下へ' }))
    const header = screen.getByLabelText('社員番号の見出し')
    await user.clear(header)
    await user.type(header, '従業員コード')
    await user.click(screen.getByLabelText('令和8年12月7日（和暦）'))
    await user.click(screen.getByRole('button', { name: '列の設定を保存する' }))
    expect(await screen.findByText('列の設定を保存しました。')).toBeInTheDocument()
    const [put] = calls(fetchMock, `PUT ${layoutUrl}`)
    expect(JSON.parse(String(put![1]!.body))).toEqual({
      columns: [
        { key: 'employeeNumber', header: '従業員コード' },
        { key: 'relationshipCode', header: '続柄コード' },
        { key: 'name', header: '氏名' },
        { key: 'myNumber', header: '個人番号' },
      ],
      dateFormat: 'era',
      datesAsText: true,
    })
  })

  it('shows the saved layout ticked in its order, and refuses to save a duplicate header or no column', async () => {
    const user = userEvent.setup()
    const saved: PayrollLayout = {
      columns: [
        { key: 'myNumber', header: 'マイナンバー' },
        { key: 'employeeNumber', header: '社員番号' },
      ],
      dateFormat: 'slash',
      datesAsText: false,
    }
    const fetchMock = openAs('administrator', true, saved)
    const rows = await screen.findAllByRole('row')
    expect(rows.slice(1, 4).map((row) => within(row).getByRole('rowheader').textContent)).toEqual(['個人番号', '社員番号', '世帯連番（本人 0、家族 1, 2, …）'])
    expect(screen.getByLabelText('個人番号を出力')).toBeChecked()
    expect(screen.getByLabelText('世帯連番（本人 0、家族 1, 2, …）を出力')).not.toBeChecked()
    expect(screen.getByRole('button', { name: '列の設定を保存する' })).toBeDisabled()

    const header = screen.getByLabelText('個人番号の見出し')
    await user.clear(header)
    await user.type(header, '社員番号')
    expect(screen.getByText('見出し「社員番号」が重複しています。')).toBeInTheDocument()
    expect(screen.getByRole('button', { name: '列の設定を保存する' })).toBeDisabled()
    await user.click(screen.getByLabelText('個人番号を出力'))
    await user.click(screen.getByLabelText('社員番号を出力'))
    expect(screen.getByText('出力する列を 1 つ以上選んでください。')).toBeInTheDocument()
    expect(calls(fetchMock, `PUT ${layoutUrl}`)).toHaveLength(0)
  })
})
