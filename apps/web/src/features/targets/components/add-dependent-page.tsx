import { addDependentRequestSchema, type AddDependentRequest } from '@bango/shared/employee-api'
import { useEffect, useRef, useState, type FormEvent } from 'react'
import { useNavigate } from 'react-router'
import { paths } from '../../../config/paths.ts'
import { ErrorMessage } from '../../../components/error-message.tsx'
import { ApiError } from '../../../lib/api-client.ts'
import { translate, useT } from '../../../lib/use-t.ts'
import { addDependent } from '../api/add-dependent.ts'
import { TextField } from './text-field.tsx'

type Field = keyof AddDependentRequest
type FieldErrors = Partial<Record<Field, string>>

const EMPTY: AddDependentRequest = { name: '', kana: '', relationship: '', birthDate: '' }

/** ひらがな typed by habit becomes カタカナ, as the API requires. */
const toKatakana = (value: string) => value.replace(/[\u3041-\u3096]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0x60))

/** 「扶養追加」 → 氏名・フリガナ・続柄・生年月日 → 「次へ」 → straight into that person's documents. */
export function AddDependentPage() {
  const { t } = useT()
  const navigate = useNavigate()
  const [values, setValues] = useState(EMPTY)
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({})
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const change = (field: Field) => (value: string) => setValues((v) => ({ ...v, [field]: value }))
  const form = useRef<HTMLFormElement>(null)
  // A refused 「次へ」 moves focus to the first field in error: its message is read out with it.
  const [checked, setChecked] = useState(0)
  useEffect(() => {
    if (checked > 0) form.current?.querySelector<HTMLInputElement>('[aria-invalid="true"]')?.focus()
  }, [checked])

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault()
    const parsed = addDependentRequestSchema.safeParse({ ...values, kana: toKatakana(values.kana) })
    if (!parsed.success) {
      const errors: FieldErrors = {}
      for (const issue of parsed.error.issues) {
        const field = issue.path[0] as Field
        errors[field] ??= values[field].trim() === '' ? t('addDependent.required') : fieldMessage(field, issue.message)
      }
      setFieldErrors(errors)
      setChecked((n) => n + 1)
      return
    }
    setFieldErrors({})
    setError(null)
    setBusy(true)
    try {
      const person = await addDependent(parsed.data)
      navigate(paths.person(person.id), { replace: true })
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : t('common.unexpectedError'))
      setBusy(false)
    }
  }

  return (
    <main className="page">
      <h1>{t('addDependent.title')}</h1>
      <p>{t('addDependent.intro')}</p>
      <form ref={form} className="card" onSubmit={onSubmit} noValidate>
        <TextField label={t('addDependent.name')} value={values.name} onChange={change('name')} error={fieldErrors.name} autoComplete="off" />
        <TextField label={t('addDependent.kana')} value={values.kana} onChange={change('kana')} error={fieldErrors.kana} autoComplete="off" />
        <TextField
          label={t('addDependent.relationship')}
          hint={t('addDependent.relationshipHint')}
          value={values.relationship}
          onChange={change('relationship')}
          error={fieldErrors.relationship}
        />
        <TextField type="date" label={t('addDependent.birthDate')} value={values.birthDate} onChange={change('birthDate')} error={fieldErrors.birthDate} />
        <ErrorMessage message={error} />
        <button type="submit" className="button" disabled={busy}>
          {t('common.next')}
        </button>
      </form>
      <button type="button" className="button button--secondary" onClick={() => navigate(paths.targets())}>
        {t('common.back')}
      </button>
    </main>
  )
}

/** The schema's own Japanese messages where it has them; ours for the format checks. */
function fieldMessage(field: Field, message: string): string {
  if (field === 'birthDate') return translate('addDependent.invalidDate')
  return /[\u3040-\u30FF\u4E00-\u9FFF]/.test(message) ? message : translate('addDependent.required')
}
