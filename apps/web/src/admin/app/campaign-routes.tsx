/**
 * A campaign's screens (dashboard, import, credentials + postal kit, employee detail):
 * admin-routes.tsx places this fragment inside the signed-in layout. The review queue shows the
 * numbers feature's work beside each person's images: composed here, as features never import each other.
 */
import { Route } from 'react-router'
import { CredentialsPage } from '../features/credentials/components/credentials-page.tsx'
import { KitPage } from '../features/credentials/components/kit-page.tsx'
import { DashboardPage } from '../features/dashboard/components/dashboard-page.tsx'
import { DisposalPage } from '../features/disposal/components/disposal-page.tsx'
import { EmployeePage } from '../features/dashboard/components/employee-page.tsx'
import { ExportPage } from '../features/export/components/export-page.tsx'
import { ImportPage } from '../features/import/components/import-page.tsx'
import { NumberPage } from '../features/numbers/components/number-page.tsx'
import { NumberWork } from '../features/numbers/components/number-work.tsx'
import { DisposalCertificatePage } from '../features/records/components/disposal-certificate-page.tsx'
import { HandlingRecordPage } from '../features/records/components/handling-record-page.tsx'
import { ReviewPage } from '../features/review/components/review-page.tsx'
import { ReviewQueueStart } from '../features/review/components/review-queue-start.tsx'
import { routePatterns } from '../config/paths.ts'

export const campaignRoutes = (
  <>
    <Route path={routePatterns.campaign} element={<DashboardPage />} />
    <Route path={routePatterns.campaignImport} element={<ImportPage />} />
    <Route path={routePatterns.campaignCredentials} element={<CredentialsPage />} />
    <Route path={routePatterns.campaignKit} element={<KitPage />} />
    <Route path={routePatterns.employee} element={<EmployeePage />} />
    <Route path={routePatterns.personNumber} element={<NumberPage />} />
    <Route path={routePatterns.campaignDisposal} element={<DisposalPage />} />
    <Route path={routePatterns.handlingRecord} element={<HandlingRecordPage />} />
    <Route path={routePatterns.disposalCertificate} element={<DisposalCertificatePage />} />
    <Route path={routePatterns.reviewQueue} element={<ReviewQueueStart />} />
    <Route path={routePatterns.submission} element={<ReviewPage numberWork={(ids) => <NumberWork ids={ids} level={3} />} />} />
    <Route path={routePatterns.campaignExport} element={<ExportPage />} />
  </>
)
