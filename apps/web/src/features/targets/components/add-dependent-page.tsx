import { addDependentRequestSchema, type AddDependentRequest } from '@bango/shared/employee-api'
import { type FieldErrorCode, fieldErrorCode } from '@bango/shared/field-errors'
import { DEPENDENT_RELATIONSHIPS } from '@bango/shared/relationships'
import { useEffect, useRef, useState, type FormEvent } from 'react'
import { useNavigate } from 'react-router'
import { paths } from '../../../config/paths.ts'
import { ErrorMessage } from '../../../components/error-message.tsx'
import { ApiError, type FieldCodes } from '../../../lib/api-client.ts'
import { useT } from '../../../lib/use-t.ts'
import { addDependent } from '../api/add-dependent.ts'
import { SelectField } from './select-field.tsx'
import { TextField } from './text-field.tsx'

type Field = keyof AddDependentRequest
type Values = Record<Field, string>
/** What is wrong with each field, as the shared schema's code (worded by messages `fieldErrors`). */
type FieldErrors = Partial<Record<Field, FieldErrorCode>>

const EMPTY: Values = { name: '', kana: '', relationship: '', birthDate: '' }

/** The API's refusals of this form's fields (a rule only the server checks, or a client out of date). */
const formErrors = (fields: FieldCodes): FieldErrors =>
  Object.fromEntries((Object.keys(EMPTY) as Field[]).flatMap((field) => (fields[field] ? [[field, fields[field]]] : [])))

/** ひらがな typed by habit becomes カタカナ, as the API requires. */
const toKatakana = (value: string) => value.replace(/[\u3041-\u3096]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0x60))

/**
 * 「扶養追加」 → 氏名・フリガナ・続柄 (chosen from the shared list, sent as its code)・生年月日 →
 * 「次へ」 → straight into that person's documents. The schema's and the API's refusals are
 * codes, worded here in the employee's language.
 */
export function AddDependentPage() {
  const { t } = useT()
  const navigate = useNavigate()
  const [values, setValues] = useState(EMPTY)
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({})
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  // A changed field drops its refusal: a 続柄 just chosen no longer reads 「選択してください」.
  const change = (field: Field) => (value: string) => {
    setValues((v) => ({ ...v, [field]: value }))
    setFieldErrors(({ [field]: _changed, ...others }) => others)
  }
  const form = useRef<HTMLFormElement>(null)
  // A refused 「次へ」 moves focus to the first field in error: its message is read out with it.
  const [checked, setChecked] = useState(0)
  useEffect(() => {
    if (checked > 0) form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus()
  }, [checked])
  const refuse = (errors: FieldErrors) => {
    setFieldErrors(errors)
    setChecked((n) => n + 1)
  }
  const message = (field: Field) => {
    const code = fieldErrors[field]
    return code && t(`fieldErrors.${code}`)
  }

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault()
    const parsed = addDependentRequestSchema.safeParse({ ...values, kana: toKatakana(values.kana) })
    if (!parsed.success) {
      const errors: FieldErrors = {}
      for (const issue of parsed.error.issues) {
        const field = issue.path[0] as Field
        // A blank text field is missing, whatever rule it broke first; an unchosen 続柄 says to choose.
        errors[field] ??= field !== 'relationship' && values[field].trim() === '' ? 'required' : fieldErrorCode(issue)
      }
      refuse(errors)
      return
    }
    setFieldErrors({})
    setError(null)
    setBusy(true)
    try {
      const person = await addDependent(parsed.data)
      navigate(paths.person(person.id), { replace: true })
    } catch (caught) {
      const refused = caught instanceof ApiError ? formErrors(caught.fields) : {}
      if (Object.keys(refused).length > 0) refuse(refused)
      else setError(caught instanceof ApiError ? caught.message : t('common.unexpectedError'))
      setBusy(false)
    }
  }

  return (
    <main className="page">
      <h1>{t('addDependent.title')}</h1>
      <p>{t('addDependent.intro')}</p>
      <form ref={form} className="card" onSubmit={onSubmit} noValidate>
        <TextField label={t('addDependent.name')} value={values.name} onChange={change('name')} error={message('name')} autoComplete="off" />
        <TextField label={t('addDependent.kana')} value={values.kana} onChange={change('kana')} error={message('kana')} autoComplete="off" />
        <SelectField
          label={t('addDependent.relationship')}
          placeholder={t('addDependent.relationshipChoose')}
          options={DEPENDENT_RELATIONSHIPS.map((r) => ({ value: r.code, text: t(`relationships.${r.code}`) }))}
          value={values.relationship}
          onChange={change('relationship')}
          error={message('relationship')}
        />
        <TextField type="date" label={t('addDependent.birthDate')} value={values.birthDate} onChange={change('birthDate')} error={message('birthDate')} />
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
