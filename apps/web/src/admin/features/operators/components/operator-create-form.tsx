import { type CompanyRole, companyRoleSchema, operatorCreateRequestSchema } from '@bango/shared/admin-api'
import { useRef, useState, type FormEvent } from 'react'
import { ErrorAlert } from '../../../components/error-alert.tsx'
import { Field } from '../../../components/field.tsx'
import { type FieldErrors, focusFirstError, serverFieldErrors, validate } from '../../../lib/form.ts'
import { operators as t, roles } from '../../../messages/ja.ts'
import type { useCreateOperator } from '../api/create-operator.ts'

const EMPTY = { email: '', name: '', role: 'operator' as CompanyRole }

/** アカウントを追加する: name, e-mail, role. The answer's one-time password is shown by the page. */
export function OperatorCreateForm({ create }: { create: ReturnType<typeof useCreateOperator> }) {
  const form = useRef<HTMLFormElement>(null)
  const [values, setValues] = useState(EMPTY)
  const [errors, setErrors] = useState<FieldErrors>({})
  const set = (field: 'email' | 'name') => (value: string) => setValues((v) => ({ ...v, [field]: value }))
  const shown = { ...serverFieldErrors(create.error), ...errors }

  const submit = (event: FormEvent) => {
    event.preventDefault()
    const checked = validate(operatorCreateRequestSchema, values)
    setErrors(checked.ok ? {} : checked.errors)
    if (!checked.ok) return focusFirstError(form.current, checked.errors)
    create.mutate(checked.data, { onSuccess: () => setValues(EMPTY) })
  }

  return (
    <section className="admin-section" aria-labelledby="operator-create">
      <h2 id="operator-create">{t.createTitle}</h2>
      <ErrorAlert error={create.error} />
      <form ref={form} className="admin-form" onSubmit={submit} noValidate>
        <Field name="name" label={t.name} value={values.name} onChange={set('name')} error={shown.name} autoComplete="off" />
        <Field name="email" label={t.email} type="email" value={values.email} onChange={set('email')} error={shown.email} autoComplete="off" />
        <div className="admin-field">
          <label htmlFor="operator-role">{t.role}</label>
          <select
            id="operator-role"
            name="role"
            value={values.role}
            onChange={(event) => setValues((v) => ({ ...v, role: companyRoleSchema.parse(event.target.value) }))}
          >
            {companyRoleSchema.options.map((role) => (
              <option key={role} value={role}>
                {roles[role]}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="admin-button admin-button--primary" disabled={create.isPending}>
          {t.create}
        </button>
      </form>
    </section>
  )
}
