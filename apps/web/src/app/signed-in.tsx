import { useEffect } from 'react'
import { Outlet } from 'react-router'
import { ResourceStatus } from '../components/resource-status.tsx'
import { refreshSessionIfDue } from '../lib/api-client.ts'
import { getMe } from '../lib/employee-api.ts'
import { useMeStore } from '../lib/me-store.ts'
import { useResource } from '../lib/use-resource.ts'

/** Behind the session gate: loads `GET /me` once, then the signed-in screens. */
export function SignedIn() {
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
