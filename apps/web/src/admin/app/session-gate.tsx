import { Outlet } from 'react-router'
import { ErrorAlert } from '../components/error-alert.tsx'
import { useSession } from '../lib/session.ts'
import { EnrolmentPage } from '../features/auth/components/enrolment-page.tsx'
import { LoginPage } from '../features/auth/components/login-page.tsx'
import { PasswordPage } from '../features/auth/components/password-page.tsx'
import { TotpPage } from '../features/auth/components/totp-page.tsx'
import { common } from '../messages/ja.ts'

/**
 * The console's one gate: GET /api/admin/session decides the screen. Signed out → ログイン;
 * a sign-in step pending → that step, in place (the URL is kept, so a deep link opens once
 * the session is active); active → the console.
 */
export function SessionGate() {
  const session = useSession()
  if (session.isPending) {
    return (
      <main className="admin-signin__main">
        <p role="status">{common.loading}</p>
      </main>
    )
  }
  if (session.isError) {
    return (
      <main className="admin-signin__main">
        <h1>{common.appName}</h1>
        <ErrorAlert error={session.error} />
      </main>
    )
  }
  switch (session.data?.stage) {
    case undefined:
      return <LoginPage />
    case 'totp_required':
      return <TotpPage />
    case 'enrolment_required':
      return <EnrolmentPage />
    case 'password_change_required':
      return <PasswordPage />
    case 'active':
      return <Outlet />
  }
}
