import { adminLoginRequestSchema } from '@bango/shared/admin-api'
import { useRef, useState, type FormEvent } from 'react'
import { ErrorAlert } from '../../../components/error-alert.tsx'
import { Field } from '../../../components/field.tsx'
import { type FieldErrors, focusFirstError, validate } from '../../../lib/form.ts'
import { signIn as t } from '../../../messages/ja.ts'
import { useLogin } from '../api/login.ts'
import { SignInFrame } from './sign-in-frame.tsx'

/** ログイン: e-mail and password. The answer's stage decides the next screen (session gate). */
export function LoginPage() {
  const form = useRef<HTMLFormElement>(null)
  const [email, setEmail] = useState('')
  const [password, setPassword] = useState('')
  const [errors, setErrors] = useState<FieldErrors>({})
  const login = useLogin()

  const submit = (event: FormEvent) => {
    event.preventDefault()
    const checked = validate(adminLoginRequestSchema, { email, password })
    setErrors(checked.ok ? {} : checked.errors)
    if (!checked.ok) return focusFirstError(form.current, checked.errors)
    login.mutate(checked.data, { onError: () => setPassword('') })
  }

  return (
    <SignInFrame title={t.loginTitle}>
      <ErrorAlert error={login.error} />
      <form ref={form} className="admin-form" onSubmit={submit} noValidate>
        <Field name="email" label={t.email} type="email" autoComplete="username" value={email} onChange={setEmail} error={errors.email} />
        <Field
          name="password"
          label={t.password}
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={setPassword}
          error={errors.password}
        />
        <button type="submit" className="admin-button admin-button--primary" disabled={login.isPending}>
          {login.isPending ? t.loggingIn : t.login}
        </button>
      </form>
    </SignInFrame>
  )
}
