import { EMPLOYEE_LIMITS } from '@bango/shared/employee-api'
import { useState, type FormEvent } from 'react'
import { useNavigate, useParams, useSearchParams } from 'react-router'
import { paths } from '../../../app/paths.ts'
import { ContactNote } from '../../../components/contact-note.tsx'
import { ErrorMessage } from '../../../components/error-message.tsx'
import { ApiError } from '../../../lib/api-client.ts'
import { useSessionStore } from '../../../lib/session.ts'
import { useResource } from '../../../lib/use-resource.ts'
import { auth, common } from '../../../messages/ja.ts'
import { getLink } from '../api/link.ts'
import { login } from '../api/login.ts'
import { BrowserNotice } from './browser-notice.tsx'
import { NoTokenPage } from './no-token-page.tsx'

/** `/t/:token` and `/?t=<token>`: who is asking, then password → 「次へ」. */
export function LoginPage() {
  const params = useParams()
  const [search] = useSearchParams()
  const token = params.token ?? search.get('t')
  const navigate = useNavigate()
  const signIn = useSessionStore((s) => s.signIn)
  const [password, setPassword] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const [shown, setShown] = useState(false)
  // Wrong passwords seen on this screen: the server locks after EMPLOYEE_LIMITS.maxFailedLogins in a row.
  const [failures, setFailures] = useState(0)
  // The company behind the link, shown before the password; without it (unknown link, offline) the form still works.
  const link = useResource(() => (token ? getLink(token) : Promise.reject(new Error('no token'))))
  const requester = link.state === 'ready' ? link.data : null

  if (!token) return <NoTokenPage />
  const attemptsLeft = EMPLOYEE_LIMITS.maxFailedLogins - failures

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault()
    if (busy) return
    setBusy(true)
    setError(null)
    try {
      signIn(await login({ token, password }))
      // The token must not linger in the address bar, history or screenshots.
      navigate(paths.targets(), { replace: true })
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : common.unexpectedError)
      if (caught instanceof ApiError && caught.code === 'INVALID_CREDENTIALS') setFailures((n) => n + 1)
      setBusy(false)
    }
  }

  return (
    <main className="page">
      {requester && <p className="eyebrow">{requester.companyName}</p>}
      <h1>{auth.title}</h1>
      {requester && <p>{auth.requester(requester.companyName)}</p>}
      <form className="card" onSubmit={onSubmit} noValidate>
        <label className="field">
          <span className="field__label">{auth.password}</span>
          <input
            type={shown ? 'text' : 'password'}
            name="password"
            autoComplete="current-password"
            autoCapitalize="none"
            spellCheck={false}
            value={password}
            onChange={(event) => setPassword(event.target.value)}
            required
          />
        </label>
        <label className="check">
          <input type="checkbox" checked={shown} onChange={(event) => setShown(event.target.checked)} />
          {auth.showPassword}
        </label>
        <p className="hint">{auth.passwordHint}</p>
        <ErrorMessage message={error} />
        {error && attemptsLeft > 0 && failures > 0 && <p className="hint">{auth.attemptsLeft(attemptsLeft, EMPLOYEE_LIMITS.lockoutMinutes)}</p>}
        {error && <ContactNote contact={requester?.contact} />}
        <button type="submit" className="button" disabled={busy || password.length === 0}>
          {auth.submit}
        </button>
        {busy && <p role="status">{auth.submitting}</p>}
      </form>
      <BrowserNotice />
    </main>
  )
}
