import { useEffect } from 'react'
import { Outlet } from 'react-router'
import { ResourceStatus } from '../components/resource-status.tsx'
import { NoTokenPage } from '../features/auth/components/no-token-page.tsx'
import { SessionExpiredPage } from '../features/auth/components/session-expired-page.tsx'
import { refreshSessionIfDue } from '../lib/api-client.ts'
import { getMe } from '../lib/employee-api.ts'
import { useMeStore } from '../lib/me-store.ts'
import { useSessionStore } from '../lib/session.ts'
import { useResource } from '../lib/use-resource.ts'

/** Everything after login: needs a live session and `GET /me`. */
export function SessionGate() {
  const accessToken = useSessionStore((s) => s.accessToken)
  const expired = useSessionStore((s) => s.expired)
  if (!accessToken) return expired ? <SessionExpiredPage /> : <NoTokenPage />
  return <SignedIn />
}

function SignedIn() {
  const me = useMeStore((s) => s.me)
  const resource = useResource(async () => useMeStore.getState().setMe(await getMe()))
  useKeepAlive()
  if (!me) {
    return (
      <main className="page">
        <ResourceStatus error={resource.state === 'error' ? resource.error : undefined} onRetry={resource.reload} />
      </main>
    )
  }
  return <Outlet />
}

/** The JWT lives ≤ 15 min: renew it on taps and keys once half of its life has passed. */
function useKeepAlive() {
  useEffect(() => {
    const onActivity = () => void refreshSessionIfDue()
    window.addEventListener('pointerdown', onActivity, { passive: true })
    window.addEventListener('keydown', onActivity)
    return () => {
      window.removeEventListener('pointerdown', onActivity)
      window.removeEventListener('keydown', onActivity)
    }
  }, [])
}
