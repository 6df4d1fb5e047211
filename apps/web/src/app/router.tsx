import { lazy, Suspense } from 'react'
import { Navigate, Route, Routes, useLocation } from 'react-router'
import { HandoffPage } from '../features/auth/components/handoff-page.tsx'
import { LoginPage } from '../features/auth/components/login-page.tsx'
import { CompletionPage } from '../features/completion/components/completion-page.tsx'
import { ConsentPage } from '../features/consent/components/consent-page.tsx'
import { PersonPage } from '../features/documents/components/person-page.tsx'
import { ContinueOnPhone } from '../features/handoff/components/continue-on-phone.tsx'
import { LogoutButton } from '../features/auth/components/logout-button.tsx'
import { AddDependentPage } from '../features/targets/components/add-dependent-page.tsx'
import { TargetsPage } from '../features/targets/components/targets-page.tsx'
import { ConsentGate } from './consent-gate.tsx'
import { HomePage } from './home-page.tsx'
import { paths, routePatterns } from './paths.ts'
import { SessionGate } from './session-gate.tsx'

/** The HR console: its own route tree and chunk, fetched only when /admin is opened. */
const AdminApp = lazy(() => import('../admin/app/admin-app.tsx'))
const isConsole = (pathname: string) => pathname === '/admin' || pathname.startsWith('/admin/')

export function AppRoutes() {
  const { pathname } = useLocation()
  if (isConsole(pathname)) {
    return (
      <Suspense fallback={null}>
        <AdminApp />
      </Suspense>
    )
  }
  return (
    <Routes>
      <Route path={routePatterns.home} element={<HomePage />} />
      <Route path={routePatterns.login} element={<LoginPage />} />
      <Route path={routePatterns.handoff} element={<HandoffPage />} />
      <Route element={<SessionGate />}>
        <Route path={routePatterns.consent} element={<ConsentPage />} />
        <Route path={routePatterns.done} element={<CompletionPage />} />
        <Route element={<ConsentGate />}>
          <Route path={routePatterns.targets} element={<TargetsPage aside={<><ContinueOnPhone /><LogoutButton /></>} />} />
          <Route path={routePatterns.addDependent} element={<AddDependentPage />} />
          <Route path={routePatterns.person} element={<PersonPage />} />
        </Route>
      </Route>
      <Route path="*" element={<Navigate to={paths.home()} replace />} />
    </Routes>
  )
}
