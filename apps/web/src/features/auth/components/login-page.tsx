import { LOGIN_LOCKOUT } from '@bango/shared/lockout'
import { useState, type FormEvent } from 'react'
import { useNavigate, useParams, useSearchParams } from 'react-router'
import { paths } from '../../../config/paths.ts'
import { ContactNote } from '../../../components/contact-note.tsx'
import { ErrorMessage } from '../../../components/error-message.tsx'
import { ApiError } from '../../../lib/api-error.ts'
import { useSessionStore } from '../../../lib/session.ts'
import { useResource } from '../../../lib/use-resource.ts'
import { useT } from '../../../lib/use-t.ts'
import { BrowserNotice } from './browser-notice.tsx'
import { DisposedPage } from './disposed-page.tsx'
import { NoTokenPage } from './no-token-page.tsx'

/**
 * The API client and the shared schemas (zod) are not in the first load, which is this screen
 * alone: they are fetched right after it shows (who is asking), or on 「次へ」 at the latest.
 */
const loadLogin = () => import('../api/login.ts')
const loadLink = () => import('../api/link.ts')

/**
 * `/t/:token` and `/?t=<token>`: who is asking, then password → 「次へ」. `onPasswordFocus` lets
 * the app fetch the next screens while the password is typed.
 */
export function LoginPage({ onPasswordFocus }: { onPasswordFocus?: () => void }) {
  const { t } = useT()
  const params = useParams()
  const [search] = useSearchParams()
  const token = params.token ?? search.get('t')
  const navigate = useNavigate()
  const signIn = useSessionStore((s) => s.signIn)
  const [password, setPassword] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const [shown, setShown] = useState(false)
  // Wrong passwords seen on this screen: the server locks after LOGIN_LOCKOUT.maxFailedLogins in a row.
  const [failures, setFailures] = useState(0)
  // The company behind the link, shown above the password; without it (unknown link, offline) the form still works.
  const link = useResource(() => (token ? loadLink().then(({ getLink }) => getLink(token)) : Promise.reject(new Error('no token'))))
  const requester = link.state === 'ready' ? link.data : null

  if (!token) return <NoTokenPage />
  if (requester?.disposal) return <DisposedPage requester={{ ...requester, disposal: requester.disposal }} />
  const attemptsLeft = LOGIN_LOCKOUT.maxFailedLogins - failures

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault()
    if (busy) return
    setBusy(true)
    setError(null)
    try {
      const { login } = await loadLogin().catch(() => {
        throw new ApiError(0, 'NETWORK', t('common.networkError'))
      })
      // After a session expiry in this tab: back to the person and step the employee was on.
      const resumePath = useSessionStore.getState().resumePath
      signIn(await login({ token, password }))
      // The token must not linger in the address bar, history or screenshots.
      navigate(resumePath ?? paths.targets(), { replace: true })
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : t('common.unexpectedError'))
      if (caught instanceof ApiError && caught.code === 'INVALID_CREDENTIALS') setFailures((n) => n + 1)
      setBusy(false)
    }
  }

  return (
    <main className="page">
      {requester && <p className="eyebrow">{requester.companyName}</p>}
      <h1>{t('auth.title')}</h1>
      {requester && <p>{t('auth.requester', { company: requester.companyName })}</p>}
      {requester?.closed && (
        <p className="notice notice--warning" role="status">
          {t('auth.closed')}
        </p>
      )}
      {requester?.pending && (
        <p className="notice notice--warning" role="status">
          {t('auth.pending')}
        </p>
      )}
      <form className="card" onSubmit={onSubmit} noValidate>
        <label className="field">
          <span className="field__label">{t('auth.password')}</span>
          <input
            type={shown ? 'text' : 'password'}
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
        <label className="check">
          <input type="checkbox" checked={shown} onChange={(event) => setShown(event.target.checked)} />
          {t('auth.showPassword')}
        </label>
        <p className="hint">{t('auth.passwordHint')}</p>
        <ErrorMessage message={error} />
        {error && failures > 0 && attemptsLeft > 0 && <p className="hint">{t('auth.attemptsLeft', { left: attemptsLeft, minutes: LOGIN_LOCKOUT.minutes })}</p>}
        {error && <ContactNote contact={requester?.contact} />}
        <button type="submit" className="button" disabled={busy || password.length === 0}>
          {t('auth.submit')}
        </button>
        {busy && <p role="status">{t('auth.submitting')}</p>}
      </form>
      <BrowserNotice />
    </main>
  )
}
