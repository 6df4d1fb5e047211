import { useState, type FormEvent } from 'react'
import { useNavigate, useParams, useSearchParams } from 'react-router'
import { paths } from '../../../app/paths.ts'
import { ErrorMessage } from '../../../components/error-message.tsx'
import { ApiError } from '../../../lib/api-error.ts'
import { useSessionStore } from '../../../lib/session.ts'
import { auth, common } from '../../../messages/ja.ts'
import { BrowserNotice } from './browser-notice.tsx'
import { NoTokenPage } from './no-token-page.tsx'

/**
 * The API client and the shared schemas (zod) are not in the first load, which is this screen
 * alone: they are fetched when the password field gets focus, or on 「次へ」 at the latest.
 */
const loadLogin = () => import('../api/login.ts')

/**
 * `/t/:token` and `/?t=<token>`: password → 「次へ」. `onPasswordFocus` lets the app fetch the
 * next screens while the password is typed.
 */
export function LoginPage({ onPasswordFocus }: { onPasswordFocus?: () => void }) {
  const params = useParams()
  const [search] = useSearchParams()
  const token = params.token ?? search.get('t')
  const navigate = useNavigate()
  const signIn = useSessionStore((s) => s.signIn)
  const [password, setPassword] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  if (!token) return <NoTokenPage />

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault()
    if (busy) return
    setBusy(true)
    setError(null)
    try {
      const { login } = await loadLogin().catch(() => {
        throw new ApiError(0, 'NETWORK', common.networkError)
      })
      signIn(await login({ token, password }))
      // The token must not linger in the address bar, history or screenshots.
      navigate(paths.targets(), { replace: true })
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : common.unexpectedError)
      setBusy(false)
    }
  }

  return (
    <main className="page">
      <h1>{auth.title}</h1>
      <form className="card" onSubmit={onSubmit} noValidate>
        <label className="field">
          <span className="field__label">{auth.password}</span>
          <input
            type="password"
            name="password"
            autoComplete="current-password"
            autoCapitalize="none"
            spellCheck={false}
            value={password}
            onChange={(event) => setPassword(event.target.value)}
            onFocus={() => {
              loadLogin().catch(() => undefined)
              onPasswordFocus?.()
            }}
            required
          />
        </label>
        <p className="hint">{auth.passwordHint}</p>
        <ErrorMessage message={error} />
        <button type="submit" className="button" disabled={busy || password.length === 0}>
          {auth.submit}
        </button>
        {busy && <p role="status">{auth.submitting}</p>}
      </form>
      <BrowserNotice />
    </main>
  )
}
