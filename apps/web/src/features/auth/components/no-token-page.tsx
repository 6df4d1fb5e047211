import { useSessionStore } from '../../../lib/session.ts'
import { useT } from '../../../lib/use-t.ts'

export function NoTokenPage() {
  const { t } = useT()
  const signedOut = useSessionStore((s) => s.signedOut)
  return (
    <main className="page">
      <h1>{signedOut ? t('auth.signedOutTitle') : t('auth.noTokenTitle')}</h1>
      <p>{signedOut ? t('auth.signedOutBody') : t('auth.noTokenBody')}</p>
    </main>
  )
}
