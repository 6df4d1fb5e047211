/**
 * axe-core on the console's screens in jsdom: landmarks, labels, names, ARIA. Colour contrast
 * needs a real renderer (jsdom computes no styles) and is left to the browser run.
 */
import { screen } from '@testing-library/react'
import axe from 'axe-core'
import { beforeAll, describe, expect, it } from 'vitest'
import compliance from '../../../../../docs/compliance.md?raw'
import { apiError, json, mockFetch } from '../../test/fetch-mock.ts'
import { COMPANY_ID, buildCampaign, buildSession, openConsole } from '../test/console.tsx'

beforeAll(() => import('./admin-app.tsx'))

async function seriousViolations() {
  const results = await axe.run(document.body, { rules: { 'color-contrast': { enabled: false } } })
  return results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(' | ')}`)
}

const campaign = buildCampaign()
const operator = {
  id: '55555555-5555-4555-8555-555555555555',
  email: 'op@example.jp',
  name: '担当 次郎',
  role: 'operator',
  canExport: false,
  totpEnabled: false,
  disabled: false,
  lockedUntil: '2099-01-01T00:00:00.000Z',
  lastLoginAt: null,
}
const activeApi = {
  'GET /api/admin/session': () => json(200, buildSession('active', { operator: { ...buildSession('active').operator, isSystemAdmin: true } })),
  [`GET /api/admin/companies/${COMPANY_ID}/campaigns`]: () => json(200, { campaigns: [campaign] }),
  [`GET /api/admin/campaigns/${campaign.id}`]: () => json(200, campaign),
  [`GET /api/admin/companies/${COMPANY_ID}/operators`]: () => json(200, { operators: [operator] }),
  'GET /api/admin/companies': () =>
    json(200, { companies: [{ id: COMPANY_ID, name: '株式会社総合', role: 'administrator', createdAt: '2026-11-01T00:00:00.000Z' }] }),
  'GET /api/admin/settings': () => json(200, { requireTotp: false }),
  'GET /api/admin/settings/networks': () => json(200, { allowedNetworks: ['198.51.100.0/24'], yourAddress: '203.0.113.9' }),
  [`GET /api/admin/companies/${COMPANY_ID}/settings`]: () => json(200, { allowedNetworks: [], yourAddress: '203.0.113.9' }),
}

describe('console screens have no serious or critical axe violations', () => {
  it('ログイン', async () => {
    mockFetch({ 'GET /api/admin/session': () => apiError(401, 'UNAUTHENTICATED') })
    openConsole('/admin')
    await screen.findByRole('heading', { level: 1, name: 'ログイン' })
    expect(await seriousViolations()).toEqual([])
  })

  it.each([
    ['campaigns', `/admin/companies/${COMPANY_ID}/campaigns`, '株式会社総合 の収集依頼'],
    ['new campaign', `/admin/companies/${COMPANY_ID}/campaigns/new`, '収集依頼の作成'],
    ['campaign settings', `/admin/campaigns/${campaign.id}/settings`, `収集依頼の設定：${campaign.name}`],
    ['operators', `/admin/companies/${COMPANY_ID}/operators`, '株式会社総合 の担当者アカウント'],
    ['export', `/admin/campaigns/${campaign.id}/export`, `${campaign.name} の出力`],
    ['companies', '/admin/companies', '会社一覧'],
    ['settings', '/admin/settings', 'システム設定'],
    ['company settings', `/admin/companies/${COMPANY_ID}/settings`, '株式会社総合 の設定'],
    ['account', '/admin/account', 'アカウント'],
    ['help: compliance', '/admin/help/compliance', compliance.split('\n')[0]!.replace(/^# /, '')],
  ])('%s', async (_name, url, heading) => {
    mockFetch(activeApi)
    openConsole(url)
    await screen.findByRole('heading', { level: 1, name: heading })
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(await seriousViolations()).toEqual([])
  })
})
