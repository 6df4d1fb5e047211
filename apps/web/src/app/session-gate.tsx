import { lazyNamed } from '../components/lazy-screen.tsx'
import { NoTokenPage } from '../features/auth/components/no-token-page.tsx'
import { SessionExpiredPage } from '../features/auth/components/session-expired-page.tsx'
import { useSessionStore } from '../lib/session.ts'

/** What a session needs (GET /me, the API client, the shared schemas) loads only once there is one. */
export const loadSignedIn = () => import('./signed-in.tsx')
const SignedIn = lazyNamed(loadSignedIn, 'SignedIn')

/** Everything after login: needs a live session and `GET /me`. */
export function SessionGate() {
  const accessToken = useSessionStore((s) => s.accessToken)
  const expired = useSessionStore((s) => s.expired)
  if (!accessToken) return expired ? <SessionExpiredPage /> : <NoTokenPage />
  return <SignedIn />
}
