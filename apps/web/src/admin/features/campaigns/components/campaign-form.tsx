import { type CampaignRequest, campaignRequestSchema } from '@bango/shared/admin-api'
import { CAMPAIGN_SETTING_RULES, RETENTION_SHORTENING_GRACE_DAYS, type SettingKey } from '@bango/shared/settings-policy'
import { useRef, useState, type FormEvent } from 'react'
import { ErrorAlert } from '../../../components/error-alert.tsx'
import { Field } from '../../../components/field.tsx'
import { type FieldErrors, focusFirstError, serverFieldErrors, validate } from '../../../lib/form.ts'
import { campaigns as t, common } from '../../../messages/ja.ts'
import { type CampaignValues, toRequest } from './campaign-values.ts'
import { PurposeWordingsField } from './purpose-wordings-field.tsx'
import { PurposesField } from './purposes-field.tsx'

interface CampaignFormProps {
  initial: CampaignValues
  submitLabel: string
  /** A closed campaign is shown, not edited. */
  readOnly?: boolean
  /**
   * Editing: the signed-in role. As an operator, what the policy table keeps to administrators
   * is disabled (periods may only grow). Absent when creating: nothing exists yet to destroy.
   */
  editingAs?: 'operator' | 'administrator'
  busy: boolean
  error: unknown
  onSubmit: (request: CampaignRequest) => void
}

/** The campaign's settings, checked with the shared schema before anything is sent. */
export function CampaignForm({ initial, submitLabel, readOnly = false, editingAs, busy, error, onSubmit }: CampaignFormProps) {
  const form = useRef<HTMLFormElement>(null)
  const [values, setValues] = useState(initial)
  const [errors, setErrors] = useState<FieldErrors>({})
  const set =
    <K extends keyof CampaignValues>(field: K) =>
    (value: CampaignValues[K]) =>
      setValues((v) => ({ ...v, [field]: value }))
  /** A removed purpose takes its wordings along: they name purposes by their place. */
  const removePurpose = (index: number) =>
    setValues((v) => ({
      ...v,
      purposes: v.purposes.filter((_, i) => i !== index),
      purposeTranslations: Object.fromEntries(
        Object.entries(v.purposeTranslations).map(([language, wordings]) => [language, wordings.filter((_, i) => i !== index)]),
      ) as CampaignValues['purposeTranslations'],
    }))
  const shownErrors = { ...serverFieldErrors(error), ...errors }
  const operatorOnly = editingAs === 'operator'
  const locked = (key: SettingKey) => readOnly || (operatorOnly && CAMPAIGN_SETTING_RULES[key] === 'administrator')
  const growOnly = (key: SettingKey) => operatorOnly && CAMPAIGN_SETTING_RULES[key] === 'administrator-to-shorten'
  const hint = (key: SettingKey, text: string) =>
    locked(key) && !readOnly ? `${text} ${t.administratorOnly}` : growOnly(key) ? `${text} ${t.shortenAdministratorOnly}` : text

  const submit = (event: FormEvent) => {
    event.preventDefault()
    const checked = validate(campaignRequestSchema, toRequest(values))
    setErrors(checked.ok ? {} : checked.errors)
    if (!checked.ok) return focusFirstError(form.current, checked.errors)
    onSubmit(checked.data)
  }

  return (
    <form ref={form} className="admin-form" onSubmit={submit} noValidate>
      <ErrorAlert error={error} />
      <Field name="name" label={t.name} value={values.name} onChange={set('name')} error={shownErrors.name} disabled={readOnly} autoComplete="off" />
      <PurposesField purposes={values.purposes} onChange={set('purposes')} onRemove={removePurpose} errors={shownErrors} disabled={locked('purposes')} />
      {locked('purposes') && !readOnly && <p className="admin-hint">{t.administratorOnly}</p>}
      <PurposeWordingsField
        purposes={values.purposes}
        wordings={values.purposeTranslations}
        onChange={set('purposeTranslations')}
        errors={shownErrors}
        disabled={locked('purposeTranslations')}
      />
      {locked('purposeTranslations') && !readOnly && <p className="admin-hint">{t.administratorOnly}</p>}
      <Field
        name="deadline"
        label={t.deadline}
        hint={t.deadlineHint}
        type="date"
        value={values.deadline}
        onChange={set('deadline')}
        error={shownErrors.deadline}
        disabled={readOnly}
      />
      <Field
        name="draftLifetimeHours"
        label={t.draftLifetime}
        hint={hint('draftLifetimeHours', t.draftLifetimeHint)}
        type="number"
        inputMode="numeric"
        min={growOnly('draftLifetimeHours') ? initial.draftLifetimeHours : 1}
        max={24 * 14}
        value={values.draftLifetimeHours}
        onChange={set('draftLifetimeHours')}
        error={shownErrors.draftLifetimeHours}
        disabled={readOnly}
      />
      <Field
        name="retentionMonths"
        label={t.retention}
        hint={hint(
          'retentionMonths',
          editingAs === 'administrator' ? `${t.retentionHint} ${t.retentionShortenNote(RETENTION_SHORTENING_GRACE_DAYS)}` : t.retentionHint,
        )}
        type="number"
        inputMode="numeric"
        min={growOnly('retentionMonths') ? initial.retentionMonths : 1}
        max={12 * 20}
        value={values.retentionMonths}
        onChange={set('retentionMonths')}
        error={shownErrors.retentionMonths}
        disabled={readOnly}
      />
      <Field
        name="contact"
        label={t.contact}
        hint={t.contactHint}
        value={values.contact}
        onChange={set('contact')}
        error={shownErrors.contact}
        disabled={readOnly}
        autoComplete="off"
      />
      <div className="admin-check">
        <input
          id="employee-enters-number"
          name="employeeEntersNumber"
          type="checkbox"
          checked={values.employeeEntersNumber}
          disabled={locked('employeeEntersNumber')}
          onChange={(event) => set('employeeEntersNumber')(event.target.checked)}
        />
        <label htmlFor="employee-enters-number">{t.employeeEntersNumber}</label>
      </div>
      {locked('employeeEntersNumber') && !readOnly && <p className="admin-hint">{t.administratorOnly}</p>}
      <div className="admin-check">
        <input
          id="identity-by-employment"
          name="identityByEmployment"
          type="checkbox"
          checked={values.identityByEmployment}
          disabled={locked('identityByEmployment')}
          aria-describedby="identity-by-employment-hint"
          onChange={(event) => set('identityByEmployment')(event.target.checked)}
        />
        <label htmlFor="identity-by-employment">{t.identityByEmployment}</label>
      </div>
      <p className="admin-hint" id="identity-by-employment-hint">
        {t.identityByEmploymentHint}
      </p>
      {locked('identityByEmployment') && !readOnly && <p className="admin-hint">{t.administratorOnly}</p>}
      {!readOnly && (
        <button type="submit" className="admin-button admin-button--primary" disabled={busy}>
          {busy ? common.saving : submitLabel}
        </button>
      )}
    </form>
  )
}
