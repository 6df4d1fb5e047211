import { ADMIN_LIMITS, passwordChangeRequestSchema } from '@bango/shared/admin-api'
import { useRef, useState, type FormEvent } from 'react'
import { ErrorAlert } from '../../../components/error-alert.tsx'
import { Field } from '../../../components/field.tsx'
import { type FieldErrors, focusFirstError, serverFieldErrors, validate } from '../../../lib/form.ts'
import { currentPasswordTexts } from '../../../messages/errors.ts'
import { signIn as t } from '../../../messages/ja.ts'
import { useChangePassword } from '../api/change-password.ts'

/** パスワード変更: current, new (twice). Other sessions of the account end on success. */
export function PasswordForm({ onChanged }: { onChanged?: () => void }) {
  const form = useRef<HTMLFormElement>(null)
  const [values, setValues] = useState({ currentPassword: '', newPassword: '', confirmPassword: '' })
  const [errors, setErrors] = useState<FieldErrors>({})
  const change = useChangePassword()
  const set = (field: keyof typeof values) => (value: string) => setValues((v) => ({ ...v, [field]: value }))

  const submit = (event: FormEvent) => {
    event.preventDefault()
    const checked = validate(passwordChangeRequestSchema, values)
    const found: FieldErrors = checked.ok ? {} : { ...checked.errors }
    if (!found.newPassword && values.confirmPassword !== values.newPassword) found.confirmPassword = t.passwordMismatch
    setErrors(found)
    if (!checked.ok || Object.keys(found).length > 0) return focusFirstError(form.current, found)
    change.mutate(checked.data, {
      onSuccess: () => onChanged?.(),
      onError: (error) => setErrors(serverFieldErrors(error)),
    })
  }

  return (
    <>
      <ErrorAlert error={change.error} texts={currentPasswordTexts} />
      <form ref={form} className="admin-form" onSubmit={submit} noValidate>
        <Field
          name="currentPassword"
          label={t.currentPassword}
          type="password"
          autoComplete="current-password"
          value={values.currentPassword}
          onChange={set('currentPassword')}
          error={errors.currentPassword}
        />
        <Field
          name="newPassword"
          label={t.newPassword}
          hint={t.newPasswordHint(ADMIN_LIMITS.minPasswordLength)}
          type="password"
          autoComplete="new-password"
          value={values.newPassword}
          onChange={set('newPassword')}
          error={errors.newPassword}
        />
        <Field
          name="confirmPassword"
          label={t.confirmPassword}
          type="password"
          autoComplete="new-password"
          value={values.confirmPassword}
          onChange={set('confirmPassword')}
          error={errors.confirmPassword}
        />
        <button type="submit" className="admin-button admin-button--primary" disabled={change.isPending}>
          {t.changePassword}
        </button>
      </form>
    </>
  )
}
