/** Opens the console through the SPA's real entry router (the lazy /admin tree) at `url`. */
import type { AdminSessionResponse, AdminSessionStage, Campaign } from '@bango/shared/admin-api'
import { render } from '@testing-library/react'
import { StrictMode, useEffect } from 'react'
import { MemoryRouter, useLocation } from 'react-router'
import { AppRoutes } from '../../app/router.tsx'

export const COMPANY_ID = '22222222-2222-4222-8222-222222222222'

export function buildSession(stage: AdminSessionStage, overrides: Partial<AdminSessionResponse> = {}): AdminSessionResponse {
  return {
    stage,
    csrfToken: `csrf-${stage}`,
    operator: {
      id: '33333333-3333-4333-8333-333333333333',
      email: 'hr@example.jp',
      name: '人事 花子',
      isSystemAdmin: false,
      totpEnabled: stage !== 'enrolment_required',
    },
    companies: stage === 'active' ? [{ id: COMPANY_ID, name: '株式会社総合', role: 'administrator', canExport: true }] : [],
    expiresAt: '2026-11-27T12:00:00.000Z',
    ...overrides,
  }
}

export function buildCampaign(overrides: Partial<Campaign> = {}): Campaign {
  return {
    id: '44444444-4444-4444-8444-444444444444',
    companyId: COMPANY_ID,
    name: '2026年 年末調整',
    purposes: ['源泉徴収票作成事務'],
    purposeTranslations: {},
    deadline: '2026-12-20',
    draftLifetimeHours: 24,
    retentionMonths: 84,
    employeeEntersNumber: false,
    identityByEmployment: false,
    contact: null,
    status: 'open',
    createdAt: '2026-11-20T01:00:00.000Z',
    closedAt: null,
    ...overrides,
  }
}

export const location = { current: '' }
function LocationProbe() {
  const { pathname } = useLocation()
  useEffect(() => {
    location.current = pathname
  }, [pathname])
  return null
}

export function openConsole(url: string) {
  return render(
    <StrictMode>
      <MemoryRouter initialEntries={[url]}>
        <AppRoutes />
        <LocationProbe />
      </MemoryRouter>
    </StrictMode>,
  )
}
