import { totpVerifyRequestSchema } from '@bango/shared/admin-api'
import { useRef, useState, type FormEvent } from 'react'
import { ErrorAlert } from '../../../components/error-alert.tsx'
import { type FieldErrors, focusFirstError, validate } from '../../../lib/form.ts'
import { recovery, signIn as t } from '../../../messages/ja.ts'
import { useLogout } from '../api/logout.ts'
import { useVerifyTotp } from '../api/verify-totp.ts'
import { RecoveryCodeForm } from './recovery-code-form.tsx'
import { SignInFrame } from './sign-in-frame.tsx'
import { TotpCodeField } from './totp-code-field.tsx'

/** 確認コード: the second factor after the password (stage totp_required), or a recovery code instead. */
export function TotpPage() {
  const [byRecoveryCode, setByRecoveryCode] = useState(false)
  const logout = useLogout()
  return (
    <SignInFrame title={byRecoveryCode ? recovery.recoveryTitle : t.totpTitle}>
      {byRecoveryCode ? <RecoveryCodeForm /> : <TotpCodeForm />}
      <button type="button" className="admin-button admin-button--link" onClick={() => setByRecoveryCode(!byRecoveryCode)}>
        {byRecoveryCode ? recovery.useTotp : recovery.useRecoveryCode}
      </button>
      <button type="button" className="admin-button admin-button--link" onClick={() => logout.mutate()}>
        {t.backToLogin}
      </button>
    </SignInFrame>
  )
}

function TotpCodeForm() {
  const form = useRef<HTMLFormElement>(null)
  const [code, setCode] = useState('')
  const [errors, setErrors] = useState<FieldErrors>({})
  const verify = useVerifyTotp()

  const submit = (event: FormEvent) => {
    event.preventDefault()
    const checked = validate(totpVerifyRequestSchema, { code })
    setErrors(checked.ok ? {} : checked.errors)
    if (!checked.ok) return focusFirstError(form.current, checked.errors)
    verify.mutate(checked.data.code, { onError: () => setCode('') })
  }

  return (
    <>
      <p>{t.totpIntro}</p>
      <ErrorAlert error={verify.error} />
      <form ref={form} className="admin-form" onSubmit={submit} noValidate>
        <TotpCodeField value={code} onChange={setCode} error={errors.code} />
        <button type="submit" className="admin-button admin-button--primary" disabled={verify.isPending}>
          {verify.isPending ? t.verifying : t.verify}
        </button>
      </form>
    </>
  )
}
