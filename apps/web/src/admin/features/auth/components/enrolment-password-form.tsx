import { totpEnrolmentRequestSchema } from '@bango/shared/admin-account'
import { useRef, useState, type FormEvent } from 'react'
import { ErrorAlert } from '../../../components/error-alert.tsx'
import { Field } from '../../../components/field.tsx'
import { type FieldErrors, focusFirstError, validate } from '../../../lib/form.ts'
import { currentPasswordTexts } from '../../../messages/errors.ts'
import { recovery as t, signIn } from '../../../messages/ja.ts'

interface EnrolmentPasswordFormProps {
  busy: boolean
  error: unknown
  onSubmit: (currentPassword: string) => void
}

/** The first step of enrolment: the current password again (a session left open is not enough). */
export function EnrolmentPasswordForm({ busy, error, onSubmit }: EnrolmentPasswordFormProps) {
  const form = useRef<HTMLFormElement>(null)
  const [currentPassword, setCurrentPassword] = useState('')
  const [errors, setErrors] = useState<FieldErrors>({})

  const submit = (event: FormEvent) => {
    event.preventDefault()
    const checked = validate(totpEnrolmentRequestSchema, { currentPassword })
    setErrors(checked.ok ? {} : checked.errors)
    if (!checked.ok) return focusFirstError(form.current, checked.errors)
    onSubmit(checked.data.currentPassword)
  }

  return (
    <form ref={form} className="admin-form" onSubmit={submit} noValidate>
      <p>{t.enrolmentPasswordIntro}</p>
      <ErrorAlert error={error} texts={currentPasswordTexts} />
      <Field
        name="currentPassword"
        label={signIn.currentPassword}
        type="password"
        autoComplete="current-password"
        value={currentPassword}
        onChange={setCurrentPassword}
        error={errors.currentPassword}
      />
      <button type="submit" className="admin-button admin-button--primary" disabled={busy}>
        {t.enrolmentNext}
      </button>
    </form>
  )
}
