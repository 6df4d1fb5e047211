import { DEFAULT_PURPOSES, DEFAULT_PURPOSE_WORDINGS } from '@bango/shared/purposes'
import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { createMemoryRouter, RouterProvider } from 'react-router'
import { afterEach, describe, expect, it } from 'vitest'
import { paths, routePatterns } from '../../../config/paths.ts'
import { applyLanguage } from '../../../lib/i18n.ts'
import { useMeStore } from '../../../lib/me-store.ts'
import { buildMe } from '../../../test/factories.ts'
import { calls, json, mockFetch } from '../../../test/fetch-mock.ts'
import { ConsentPage } from './consent-page.tsx'

const HR_PURPOSE = '財形貯蓄事務'

function renderConsent() {
  const router = createMemoryRouter(
    [
      { path: routePatterns.consent, element: <ConsentPage /> },
      { path: routePatterns.targets, element: <h1>targets</h1> },
    ],
    { initialEntries: [paths.consent()] },
  )
  render(<RouterProvider router={router} />)
}

afterEach(async () => {
  await applyLanguage('ja')
})

describe('ConsentPage', () => {
  it('words the purposes in the language shown, says which are in Japanese only, and sends what it showed with the language', async () => {
    await applyLanguage('en')
    const me = buildMe({ consentedAt: null })
    useMeStore.setState({
      me: {
        ...me,
        campaign: { ...me.campaign, purposes: [DEFAULT_PURPOSES[0], HR_PURPOSE, '住民税事務'], purposeTranslations: { en: ['', 'Employee savings'] } },
      },
    })
    const fetchMock = mockFetch({ 'POST /api/employee/consent': () => json(201, { consentedAt: '2026-11-25T09:00:00.000Z' }) })
    renderConsent()

    const items = screen.getAllByRole('listitem')
    expect(items.map((item) => item.textContent)).toEqual([
      DEFAULT_PURPOSE_WORDINGS[DEFAULT_PURPOSES[0]].en,
      'Employee savings',
      '住民税事務Shown in Japanese: no English wording was given for this purpose. Please ask HR if anything is unclear.',
    ])
    expect(screen.getByText('住民税事務')).toHaveAttribute('lang', 'ja')
    // 2026-12-20 15:00 UTC is the 21st in Japan.
    expect(screen.getByText('Deadline: December 21, 2026')).toBeInTheDocument()

    await userEvent.click(screen.getByRole('button', { name: 'I agree' }))
    expect(await screen.findByRole('heading', { name: 'targets' })).toBeInTheDocument()
    const [, init] = calls(fetchMock, 'POST /api/employee/consent')[0]!
    expect(JSON.parse(String(init?.body))).toEqual({
      purposes: [DEFAULT_PURPOSE_WORDINGS[DEFAULT_PURPOSES[0]].en, 'Employee savings', '住民税事務'],
      language: 'en',
    })
    expect(new Headers(init?.headers).get('x-bango-language')).toBe('en')
  })

  it('shows the Japanese as HR wrote it to a Japanese reader, the deadline as before', () => {
    useMeStore.setState({ me: buildMe({ consentedAt: null }) })
    renderConsent()
    expect(screen.getAllByRole('listitem').map((item) => item.textContent)).toEqual(['源泉徴収票作成事務', '健康保険・厚生年金保険届出事務'])
    expect(screen.getByText('提出期限：2026年12月21日')).toBeInTheDocument()
  })
})
