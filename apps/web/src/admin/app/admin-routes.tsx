import { lazy, Suspense } from 'react'
import { Route, Routes } from 'react-router'
import { AccountEnrolmentPage, AccountPasswordPage } from '../features/auth/components/account-steps.tsx'
import { AccessReportPage } from '../features/audit/components/access-report-page.tsx'
import { AuditPage } from '../features/audit/components/audit-page.tsx'
import { AccountPage } from '../features/auth/components/account-page.tsx'
import { CampaignSettingsPage } from '../features/campaigns/components/campaign-settings-page.tsx'
import { CampaignsPage } from '../features/campaigns/components/campaigns-page.tsx'
import { NewCampaignPage } from '../features/campaigns/components/new-campaign-page.tsx'
import { CompaniesPage } from '../features/companies/components/companies-page.tsx'
import { CompanySettingsPage } from '../features/company-settings/components/company-settings-page.tsx'
import { DisposalsPage } from '../features/disposal/components/disposals-page.tsx'
import { OperatorsPage } from '../features/operators/components/operators-page.tsx'
import { SettingsPage } from '../features/settings/components/settings-page.tsx'
import { campaignRoutes } from './campaign-routes.tsx'
import { HomeRedirect, NotFoundPage } from './home-redirect.tsx'
import { AdminLayout } from './layout.tsx'
import { routePatterns } from '../config/paths.ts'
import { SessionGate } from './session-gate.tsx'
import { common } from '../messages/ja.ts'

/** A long document read now and then: its own chunk, loaded when the page opens. */
const CompliancePage = lazy(() => import('../features/help/components/compliance-page.tsx'))

/** Every console screen sits behind the session gate and inside the signed-in layout. */
export function AdminRoutes() {
  return (
    <Routes>
      <Route element={<SessionGate />}>
        <Route element={<AdminLayout />}>
          <Route path={routePatterns.home} element={<HomeRedirect />} />
          <Route path={routePatterns.account} element={<AccountPage />} />
          <Route path={routePatterns.accountEnrolment} element={<AccountEnrolmentPage />} />
          <Route path={routePatterns.accountPassword} element={<AccountPasswordPage />} />
          <Route path={routePatterns.companies} element={<CompaniesPage />} />
          <Route path={routePatterns.campaigns} element={<CampaignsPage />} />
          <Route path={routePatterns.newCampaign} element={<NewCampaignPage />} />
          <Route path={routePatterns.operators} element={<OperatorsPage />} />
          <Route path={routePatterns.disposals} element={<DisposalsPage />} />
          <Route path={routePatterns.companySettings} element={<CompanySettingsPage />} />
          <Route path={routePatterns.settings} element={<SettingsPage />} />
          <Route path={routePatterns.audit} element={<AuditPage />} />
          <Route path={routePatterns.accessReport} element={<AccessReportPage />} />
          <Route
            path={routePatterns.compliance}
            element={
              <Suspense fallback={<p role="status">{common.loading}</p>}>
                <CompliancePage />
              </Suspense>
            }
          />
          <Route path={routePatterns.campaignSettings} element={<CampaignSettingsPage />} />
          {campaignRoutes}
          <Route path={routePatterns.notFound} element={<NotFoundPage />} />
        </Route>
      </Route>
    </Routes>
  )
}
