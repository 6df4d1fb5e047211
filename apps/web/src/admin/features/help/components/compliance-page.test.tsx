import { screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { beforeAll, describe, expect, it } from 'vitest'
import compliance from '../../../../../../../docs/compliance.md?raw'
import { json, mockFetch } from '../../../../test/fetch-mock.ts'
import { COMPANY_ID, buildSession, location, openConsole } from '../../../test/console.tsx'

beforeAll(() => import('../../../app/admin-app.tsx'))

const signedIn = () =>
  mockFetch({
    'GET /api/admin/session': () => json(200, buildSession('active')),
    [`GET /api/admin/companies/${COMPANY_ID}/campaigns`]: () => json(200, { campaigns: [] }),
  })

describe('ヘルプ：安全管理措置', () => {
  it('is linked from every console screen’s header and opens docs/compliance.md', async () => {
    signedIn()
    openConsole(`/admin/companies/${COMPANY_ID}/campaigns`)
    await screen.findByRole('heading', { level: 1, name: '株式会社総合 の収集依頼' })
    const help = within(screen.getByRole('banner')).getByRole('link', { name: 'ヘルプ：安全管理措置' })
    expect(help).toHaveAttribute('href', '/admin/help/compliance')

    await userEvent.click(help)
    const title = compliance.split('\n')[0]!.replace(/^# /, '')
    expect(await screen.findByRole('heading', { level: 1, name: title })).toBeInTheDocument()
    expect(location.current).toBe('/admin/help/compliance')
    expect(screen.getByRole('link', { name: 'ヘルプ：安全管理措置' })).toHaveAttribute('aria-current', 'page')
  })

  it('shows every section and every measure of the document, as tables with a header per row', async () => {
    signedIn()
    openConsole('/admin/help/compliance')
    await screen.findByRole('heading', { level: 1 })
    const sections = [...compliance.matchAll(/^## (.+)$/gm)].map((match) => match[1]!.replace(/`/g, ''))
    expect(sections.length).toBeGreaterThan(6)
    expect(screen.getAllByRole('heading', { level: 2 }).map((heading) => heading.textContent)).toEqual(sections)

    const rows = [...compliance.matchAll(/^\| (?!measure|duty|---)([^|]+?) \|/gm)].map((match) => match[1]!.replace(/`/g, ''))
    const headers = screen.getAllByRole('rowheader').map((cell) => cell.textContent)
    expect(headers).toEqual(rows)
    for (const measure of ['組織体制の整備', '事務取扱担当者の監督', '個人番号の削除', 'アクセス者の識別と認証', '本人確認', '委託先の監督']) {
      expect(
        headers.some((header) => header?.includes(measure)),
        measure,
      ).toBe(true)
    }
    // Test files, ADRs and the sources are there as written; web addresses are links that open apart.
    expect(screen.getAllByText('disposal.test.ts').length).toBeGreaterThan(0)
    const source = screen.getByRole('link', { name: 'https://www.ppc.go.jp/all_faq_index/faq2-q4-8/' })
    expect(source).toHaveAttribute('target', '_blank')
    expect(source).toHaveAttribute('rel', 'noreferrer')
  })
})
