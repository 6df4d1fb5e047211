import { totpVerifyRequestSchema } from '@bango/shared/admin-api'
import { useRef, useState, type FormEvent } from 'react'
import { ErrorAlert } from '../../../components/error-alert.tsx'
import { type FieldErrors, focusFirstError, validate } from '../../../lib/form.ts'
import { signIn as t } from '../../../messages/ja.ts'
import { QrCode } from './qr-code.tsx'
import { TotpCodeField } from './totp-code-field.tsx'

interface EnrolmentCodeFormProps {
  enrolment: { secret: string; uri: string }
  busy: boolean
  error: unknown
  onSubmit: (code: string, onError: () => void) => void
}

/** QR code + the secret as text, then one code proves the app has it. */
export function EnrolmentCodeForm({ enrolment, busy, error, onSubmit }: EnrolmentCodeFormProps) {
  const form = useRef<HTMLFormElement>(null)
  const [code, setCode] = useState('')
  const [errors, setErrors] = useState<FieldErrors>({})

  const submit = (event: FormEvent) => {
    event.preventDefault()
    const checked = validate(totpVerifyRequestSchema, { code })
    setErrors(checked.ok ? {} : checked.errors)
    if (!checked.ok) return focusFirstError(form.current, checked.errors)
    onSubmit(checked.data.code, () => setCode(''))
  }

  return (
    <>
      <p>{t.enrolmentIntro}</p>
      <ol className="admin-steps">
        {t.enrolmentSteps.map((step) => (
          <li key={step}>{step}</li>
        ))}
      </ol>
      <figure className="admin-qr">
        <QrCode text={enrolment.uri} label={t.qrAlt} />
        <figcaption>
          {t.secretLabel}: <code className="admin-secret">{enrolment.secret}</code>
        </figcaption>
      </figure>
      <ErrorAlert error={error} />
      <form ref={form} className="admin-form" onSubmit={submit} noValidate>
        <TotpCodeField value={code} onChange={setCode} error={errors.code} />
        <button type="submit" className="admin-button admin-button--primary" disabled={busy}>
          {t.enrol}
        </button>
      </form>
    </>
  )
}
