import { Navigate, Outlet } from 'react-router'
import { useMeStore } from '../lib/me-store.ts'
import { paths } from '../config/paths.ts'

/**
 * Nothing but the consent screen before consent; nothing but the completion screen after
 * 「完了」 — unless HR sent someone back (差し戻し), which reopens the list for them.
 */
export function ConsentGate() {
  const me = useMeStore((s) => s.me)
  if (!me?.consentedAt) return <Navigate to={paths.consent()} replace />
  if (me.submittedAt && !me.reopened) return <Navigate to={paths.done()} replace />
  return <Outlet />
}
