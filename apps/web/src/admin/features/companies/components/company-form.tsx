import { companyRequestSchema } from '@bango/shared/admin-api'
import { useRef, useState, type FormEvent } from 'react'
import { Field } from '../../../components/field.tsx'
import { type FieldErrors, focusFirstError, validate } from '../../../lib/form.ts'

interface CompanyFormProps {
  label: string
  submitLabel: string
  initial?: string
  busy: boolean
  onSubmit: (name: string, done: () => void) => void
}

/** One name field, checked with the shared schema: creating and renaming alike. */
export function CompanyForm({ label, submitLabel, initial = '', busy, onSubmit }: CompanyFormProps) {
  const form = useRef<HTMLFormElement>(null)
  const [name, setName] = useState(initial)
  const [errors, setErrors] = useState<FieldErrors>({})
  const submit = (event: FormEvent) => {
    event.preventDefault()
    const checked = validate(companyRequestSchema, { name })
    setErrors(checked.ok ? {} : checked.errors)
    if (!checked.ok) return focusFirstError(form.current, checked.errors)
    onSubmit(checked.data.name, () => setName(''))
  }
  return (
    <form ref={form} className="admin-form admin-form--inline" onSubmit={submit} noValidate>
      <Field name="name" label={label} value={name} onChange={setName} error={errors.name} autoComplete="organization" />
      <button type="submit" className="admin-button admin-button--primary" disabled={busy}>
        {submitLabel}
      </button>
    </form>
  )
}
