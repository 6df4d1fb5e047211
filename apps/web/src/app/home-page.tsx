import { Navigate, useSearchParams } from 'react-router'
import { LoginPage } from '../features/auth/components/login-page.tsx'
import { NoTokenPage } from '../features/auth/components/no-token-page.tsx'
import { useSessionStore } from '../lib/session.ts'
import { paths } from '../config/paths.ts'
import { preloadAfterLogin } from './screens.ts'

/** `/?t=<token>` is the login; a bare `/` resumes the session or asks for the link. */
export function HomePage() {
  const [search] = useSearchParams()
  const accessToken = useSessionStore((s) => s.accessToken)
  if (search.get('t')) return <LoginPage onPasswordFocus={preloadAfterLogin} />
  if (accessToken) return <Navigate to={paths.targets()} replace />
  return <NoTokenPage />
}
