import { AUDIT_ACTION_GROUPS, AUDIT_ACTIONS, AUDIT_ACTOR_TYPE_LABELS, AUDIT_ACTOR_TYPES } from '@bango/shared/admin-audit'
import { type FormEvent, useId, useState } from 'react'
import { auditText as t } from '../messages.ts'
import type { AuditFilterState } from '../utils/audit-filter.ts'
import { SubjectPicker } from './subject-picker.tsx'

interface AuditFiltersProps {
  value: AuditFilterState
  companies: readonly { id: string; name: string }[]
  onApply: (state: AuditFilterState) => void
}

const actionsByGroup = Object.entries(AUDIT_ACTION_GROUPS).map(([group, label]) => ({
  group,
  label,
  actions: Object.entries(AUDIT_ACTIONS).filter(([action]) => action.startsWith(`${group}.`)),
}))

/** The filter form: applied on 「絞り込む」 (each change is a server query), cleared at once. */
export function AuditFilters({ value, companies, onApply }: AuditFiltersProps) {
  const id = useId()
  const [state, setState] = useState(value)
  const field = (key: keyof AuditFilterState) => ({
    id: `${id}-${key}`,
    value: state[key] ?? '',
    onChange: (event: { target: { value: string } }) => setState({ ...state, [key]: event.target.value || undefined }),
  })
  const submit = (event: FormEvent) => {
    event.preventDefault()
    onApply(state)
  }
  return (
    <form role="search" aria-label={t.filters} className="admin-filters audit-filters" onSubmit={submit}>
      <div className="audit-filters__field">
        <label htmlFor={`${id}-from`}>{t.from}</label>
        <input type="date" {...field('from')} />
      </div>
      <div className="audit-filters__field">
        <label htmlFor={`${id}-to`}>{t.to}</label>
        <input type="date" {...field('to')} />
      </div>
      <div className="audit-filters__field">
        <label htmlFor={`${id}-actorType`}>{t.actorType}</label>
        <select {...field('actorType')}>
          <option value="">{t.all}</option>
          {AUDIT_ACTOR_TYPES.map((type) => (
            <option key={type} value={type}>
              {AUDIT_ACTOR_TYPE_LABELS[type]}
            </option>
          ))}
        </select>
      </div>
      <SubjectPicker label={t.actorId} kinds="actors" value={state.actorId} onChange={(actorId) => setState({ ...state, actorId })} />
      <div className="audit-filters__field">
        <label htmlFor={`${id}-action`}>{t.action}</label>
        <select {...field('action')}>
          <option value="">{t.all}</option>
          {actionsByGroup.map(({ group, label, actions }) => (
            <optgroup key={group} label={label}>
              <option value={`${group}.*`}>{t.allOf(label)}</option>
              {actions.map(([action, actionLabel]) => (
                <option key={action} value={action}>
                  {actionLabel}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
      </div>
      <div className="audit-filters__field">
        <label htmlFor={`${id}-companyId`}>{t.company}</label>
        <select {...field('companyId')}>
          <option value="">{t.all}</option>
          {companies.map((company) => (
            <option key={company.id} value={company.id}>
              {company.name}
            </option>
          ))}
        </select>
      </div>
      <SubjectPicker label={t.person} kinds="persons" value={state.personId} onChange={(personId) => setState({ ...state, personId })} />
      <button type="submit" className="admin-button admin-button--primary">
        {t.apply}
      </button>
      <button type="button" className="admin-button" onClick={() => onApply({})}>
        {t.clear}
      </button>
    </form>
  )
}
