import { useState } from 'react'
import { useSessionStore } from '../../../lib/session.ts'
import { useT } from '../../../lib/use-t.ts'
import { logout } from '../api/logout.ts'

/** 「ログアウト」: ends the session on the server, then forgets the token in this tab. */
export function LogoutButton() {
  const { t } = useT()
  const [pending, setPending] = useState(false)
  const signOut = useSessionStore((s) => s.signOut)
  const leave = async () => {
    setPending(true)
    // Forgotten here whatever the answer: a failed call must not keep the employee signed in on this device.
    await logout().catch(() => undefined)
    signOut()
  }
  return (
    <button type="button" className="button button--secondary" onClick={leave} disabled={pending}>
      {t('auth.logout')}
    </button>
  )
}
