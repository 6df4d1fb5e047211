import { recoveryCodeRequestSchema } from '@bango/shared/admin-account'
import { useRef, useState, type FormEvent } from 'react'
import { ErrorAlert } from '../../../components/error-alert.tsx'
import { Field } from '../../../components/field.tsx'
import { type FieldErrors, focusFirstError, validate } from '../../../lib/form.ts'
import { recovery as t, signIn } from '../../../messages/ja.ts'
import { useVerifyRecoveryCode } from '../api/verify-recovery-code.ts'

/** The second factor by a recovery code, when the authenticator app is lost (stage totp_required). */
export function RecoveryCodeForm() {
  const form = useRef<HTMLFormElement>(null)
  const [code, setCode] = useState('')
  const [errors, setErrors] = useState<FieldErrors>({})
  const verify = useVerifyRecoveryCode()

  const submit = (event: FormEvent) => {
    event.preventDefault()
    const checked = validate(recoveryCodeRequestSchema, { code })
    setErrors(checked.ok ? {} : checked.errors)
    if (!checked.ok) return focusFirstError(form.current, checked.errors)
    verify.mutate(checked.data.code, { onError: () => setCode('') })
  }

  return (
    <>
      <p>{t.recoveryIntro}</p>
      <ErrorAlert error={verify.error} />
      <form ref={form} className="admin-form" onSubmit={submit} noValidate aria-label={t.recoveryTitle}>
        <Field
          name="code"
          label={t.recoveryCode}
          hint={t.recoveryCodeHint}
          value={code}
          onChange={setCode}
          error={errors.code}
          autoComplete="off"
          autoCapitalize="off"
          spellCheck={false}
          maxLength={40}
        />
        <button type="submit" className="admin-button admin-button--primary" disabled={verify.isPending}>
          {verify.isPending ? signIn.verifying : signIn.verify}
        </button>
      </form>
      <p className="admin-hint">{t.recoveryNone}</p>
    </>
  )
}
