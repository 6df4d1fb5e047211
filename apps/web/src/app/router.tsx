import { lazy } from 'react'
import { Navigate, Route, Routes, useLocation } from 'react-router'
import { LanguageSwitcher } from '../components/language-switcher.tsx'
import { LazyBoundary } from '../components/lazy-screen.tsx'
import { LoginPage } from '../features/auth/components/login-page.tsx'
import { ConsentGate } from './consent-gate.tsx'
import { HomePage } from './home-page.tsx'
import { paths, routePatterns } from '../config/paths.ts'
import { AddDependentPage, CompletionPage, ConsentPage, HandoffPage, PersonPage, preloadAfterLogin, TargetsScreen } from './screens.ts'
import { SessionGate } from './session-gate.tsx'

/** The HR console: its own route tree and chunk, fetched only when /admin is opened. */
const AdminApp = lazy(() => import('../admin/app/admin-app.tsx'))
const isConsole = (pathname: string) => pathname === '/admin' || pathname.startsWith('/admin/')

export function AppRoutes() {
  const { pathname } = useLocation()
  if (isConsole(pathname)) {
    return (
      <LazyBoundary page>
        <AdminApp />
      </LazyBoundary>
    )
  }
  return (
    <>
      <LanguageSwitcher />
      <LazyBoundary page>
        <Routes>
          <Route path={routePatterns.home} element={<HomePage />} />
          <Route path={routePatterns.login} element={<LoginPage onPasswordFocus={preloadAfterLogin} />} />
          <Route path={routePatterns.handoff} element={<HandoffPage />} />
          <Route element={<SessionGate />}>
            <Route path={routePatterns.consent} element={<ConsentPage />} />
            <Route path={routePatterns.done} element={<CompletionPage />} />
            <Route element={<ConsentGate />}>
              <Route path={routePatterns.targets} element={<TargetsScreen />} />
              <Route path={routePatterns.addDependent} element={<AddDependentPage />} />
              <Route path={routePatterns.person} element={<PersonPage />} />
            </Route>
          </Route>
          <Route path="*" element={<Navigate to={paths.home()} replace />} />
        </Routes>
      </LazyBoundary>
    </>
  )
}
