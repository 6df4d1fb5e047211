import { type TotpDisableRequest, totpDisableRequestSchema } from '@bango/shared/admin-api'
import { useRef, useState, type FormEvent } from 'react'
import { ErrorAlert } from '../../../components/error-alert.tsx'
import { Field } from '../../../components/field.tsx'
import { type FieldErrors, focusFirstError, validate } from '../../../lib/form.ts'
import { currentPasswordTexts } from '../../../messages/errors.ts'
import { account as t, common } from '../../../messages/ja.ts'
import { TotpCodeField } from './totp-code-field.tsx'

interface TotpDisableFormProps {
  busy: boolean
  error: unknown
  onSubmit: (request: TotpDisableRequest) => void
  onCancel: () => void
}

/** Switching 2FA off asks for both factors again (a session left open is not enough). */
export function TotpDisableForm({ busy, error, onSubmit, onCancel }: TotpDisableFormProps) {
  const form = useRef<HTMLFormElement>(null)
  const [currentPassword, setCurrentPassword] = useState('')
  const [code, setCode] = useState('')
  const [errors, setErrors] = useState<FieldErrors>({})

  const submit = (event: FormEvent) => {
    event.preventDefault()
    const checked = validate(totpDisableRequestSchema, { currentPassword, code })
    setErrors(checked.ok ? {} : checked.errors)
    if (!checked.ok) return focusFirstError(form.current, checked.errors)
    onSubmit(checked.data)
  }

  return (
    <form ref={form} className="admin-form admin-confirm" onSubmit={submit} noValidate aria-label={t.totpDisable}>
      <p>{t.totpDisableConfirm}</p>
      <ErrorAlert error={error} texts={currentPasswordTexts} />
      <Field
        name="currentPassword"
        label={t.currentPassword}
        type="password"
        autoComplete="current-password"
        value={currentPassword}
        onChange={setCurrentPassword}
        error={errors.currentPassword}
      />
      <TotpCodeField value={code} onChange={setCode} error={errors.code} />
      <button type="submit" className="admin-button admin-button--danger" disabled={busy}>
        {t.totpDisable}
      </button>
      <button type="button" className="admin-button" onClick={onCancel}>
        {common.cancel}
      </button>
    </form>
  )
}
