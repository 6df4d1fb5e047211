import { useEffect, useRef, useState } from 'react'
import { useLocation, useNavigate, useParams } from 'react-router'
import { paths } from '../../../config/paths.ts'
import { ErrorMessage } from '../../../components/error-message.tsx'
import { ApiError } from '../../../lib/api-client.ts'
import { useSessionStore } from '../../../lib/session.ts'
import { useT } from '../../../lib/use-t.ts'
import { redeemHandoff } from '../api/redeem-handoff.ts'

interface HandoffPageProps {
  /** Reads what the PC carried in the URL's fragment and answers where to land (else the list). */
  land?: (fragment: string) => string | null
}

/** `/h/:code`: the phone that scanned the PC's QR code takes over the session, no password. */
export function HandoffPage({ land }: HandoffPageProps) {
  const { t } = useT()
  const { code } = useParams()
  const { hash } = useLocation()
  const navigate = useNavigate()
  const [error, setError] = useState<string | null>(null)
  // The code is single-use: React's development double effects must not spend it twice.
  const started = useRef(false)

  useEffect(() => {
    if (started.current || !code) return
    started.current = true
    redeemHandoff(code)
      .then((session) => {
        useSessionStore.getState().signIn(session)
        // The code (and the fragment) must not linger in the address bar or history.
        navigate((hash.length > 1 && land?.(hash.slice(1))) || paths.targets(), { replace: true })
      })
      .catch((caught: unknown) => setError(caught instanceof ApiError ? caught.message : t('common.unexpectedError')))
  }, [code, hash, land, navigate, t])

  return (
    <main className="page">
      <h1>{t('auth.title')}</h1>
      {error ? (
        <section className="card" aria-labelledby="handoff-failed">
          <h2 id="handoff-failed">{t('handoff.redeemFailedTitle')}</h2>
          <ErrorMessage message={error} />
          <p>{t('auth.noTokenBody')}</p>
        </section>
      ) : (
        <p role="status">{t('handoff.redeeming')}</p>
      )}
    </main>
  )
}
