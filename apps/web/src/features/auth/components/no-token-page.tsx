import { useSessionStore } from '../../../lib/session.ts'
import { auth } from '../../../messages/ja.ts'

export function NoTokenPage() {
  const signedOut = useSessionStore((s) => s.signedOut)
  return (
    <main className="page">
      <h1>{signedOut ? auth.signedOutTitle : auth.noTokenTitle}</h1>
      <p>{signedOut ? auth.signedOutBody : auth.noTokenBody}</p>
    </main>
  )
}
