import { totpVerifyRequestSchema } from '@bango/shared/admin-api'
import { useRef, useState, type FormEvent, type ReactNode } from 'react'
import { ErrorAlert } from '../../../components/error-alert.tsx'
import { type FieldErrors, focusFirstError, validate } from '../../../lib/form.ts'
import { common, signIn as t } from '../../../messages/ja.ts'
import { useConfirmEnrolment } from '../api/confirm-enrolment.ts'
import { useTotpEnrolment } from '../api/totp-enrolment.ts'
import { QrCode } from './qr-code.tsx'
import { SignInFrame } from './sign-in-frame.tsx'
import { TotpCodeField } from './totp-code-field.tsx'

/** 2 段階認証の設定: QR code + the secret as text, then one code proves the app has it. */
export function EnrolmentForm({ onEnrolled }: { onEnrolled?: () => void }) {
  const form = useRef<HTMLFormElement>(null)
  const [code, setCode] = useState('')
  const [errors, setErrors] = useState<FieldErrors>({})
  const enrolment = useTotpEnrolment()
  const confirm = useConfirmEnrolment()

  const submit = (event: FormEvent) => {
    event.preventDefault()
    const checked = validate(totpVerifyRequestSchema, { code })
    setErrors(checked.ok ? {} : checked.errors)
    if (!checked.ok) return focusFirstError(form.current, checked.errors)
    confirm.mutate(checked.data.code, { onSuccess: () => onEnrolled?.(), onError: () => setCode('') })
  }

  if (enrolment.isPending) return <p role="status">{common.loading}</p>
  if (enrolment.isError) return <ErrorAlert error={enrolment.error} />
  return (
    <>
      <p>{t.enrolmentIntro}</p>
      <ol className="admin-steps">
        {t.enrolmentSteps.map((step) => (
          <li key={step}>{step}</li>
        ))}
      </ol>
      <figure className="admin-qr">
        <QrCode text={enrolment.data.uri} label={t.qrAlt} />
        <figcaption>
          {t.secretLabel}: <code className="admin-secret">{enrolment.data.secret}</code>
        </figcaption>
      </figure>
      <ErrorAlert error={confirm.error} />
      <form ref={form} className="admin-form" onSubmit={submit} noValidate>
        <TotpCodeField value={code} onChange={setCode} error={errors.code} />
        <button type="submit" className="admin-button admin-button--primary" disabled={confirm.isPending}>
          {t.enrol}
        </button>
      </form>
    </>
  )
}

/** The enrolment as a sign-in step (stage enrolment_required). */
export function EnrolmentPage(): ReactNode {
  return (
    <SignInFrame title={t.enrolmentTitle}>
      <EnrolmentForm />
    </SignInFrame>
  )
}
