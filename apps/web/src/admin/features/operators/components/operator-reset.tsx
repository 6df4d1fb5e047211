import { operatorResetRequestSchema } from '@bango/shared/admin-account'
import type { OperatorAccount } from '@bango/shared/admin-api'
import { useEffect, useRef, useState, type FormEvent } from 'react'
import { ErrorAlert } from '../../../components/error-alert.tsx'
import { Field } from '../../../components/field.tsx'
import { type FieldErrors, focusFirstError, validate } from '../../../lib/form.ts'
import { currentPasswordTexts } from '../../../messages/errors.ts'
import { common, recovery as t } from '../../../messages/ja.ts'

interface OperatorResetProps {
  operator: OperatorAccount
  busy: boolean
  error: unknown
  onSubmit: (currentPassword: string) => void
  onCancel: () => void
}

/** The confirmation of an account reset: what it does, and the administrator's own password. */
export function OperatorReset({ operator, busy, error, onSubmit, onCancel }: OperatorResetProps) {
  const form = useRef<HTMLFormElement>(null)
  const heading = useRef<HTMLHeadingElement>(null)
  const [currentPassword, setCurrentPassword] = useState('')
  const [errors, setErrors] = useState<FieldErrors>({})
  useEffect(() => heading.current?.focus(), [])

  const submit = (event: FormEvent) => {
    event.preventDefault()
    const checked = validate(operatorResetRequestSchema, { currentPassword })
    setErrors(checked.ok ? {} : checked.errors)
    if (!checked.ok) return focusFirstError(form.current, checked.errors)
    onSubmit(checked.data.currentPassword)
  }

  return (
    <form ref={form} className="admin-form admin-confirm admin-secret-box" onSubmit={submit} noValidate aria-labelledby="operator-reset-title">
      <h2 id="operator-reset-title" ref={heading} tabIndex={-1}>
        {t.resetTitle(operator.name)}
      </h2>
      <p>{t.resetBody}</p>
      <ErrorAlert error={error} texts={currentPasswordTexts} />
      <Field
        name="currentPassword"
        label={t.resetPassword}
        type="password"
        autoComplete="current-password"
        value={currentPassword}
        onChange={setCurrentPassword}
        error={errors.currentPassword}
      />
      <button type="submit" className="admin-button admin-button--danger" disabled={busy}>
        {t.resetConfirm}
      </button>
      <button type="button" className="admin-button" onClick={onCancel}>
        {common.cancel}
      </button>
    </form>
  )
}
