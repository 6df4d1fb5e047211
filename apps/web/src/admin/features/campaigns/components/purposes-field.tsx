import { campaigns as t } from '../../../messages/ja.ts'
import type { FieldErrors } from '../../../lib/form.ts'

interface PurposesFieldProps {
  purposes: string[]
  onChange: (purposes: string[]) => void
  /** Removes the purpose at `index` (with what belongs to it, e.g. its wordings). */
  onRemove: (index: number) => void
  errors: FieldErrors
  disabled: boolean
}

/** 個人番号の利用目的 as an editable list: one input per purpose, add and remove. */
export function PurposesField({ purposes, onChange, onRemove, errors, disabled }: PurposesFieldProps) {
  const set = (index: number, value: string) => onChange(purposes.map((p, i) => (i === index ? value : p)))
  return (
    <fieldset className="admin-fieldset" aria-describedby="purposes-hint">
      <legend>{t.purposes}</legend>
      <p className="admin-hint" id="purposes-hint">
        {t.purposesHint}
      </p>
      {errors.purposes && (
        <p className="admin-field__error" id="purposes-error">
          {errors.purposes}
        </p>
      )}
      <ol className="admin-purposes">
        {purposes.map((purpose, index) => {
          const name = `purposes.${index}`
          const id = `purpose-${index}`
          return (
            // Index keys: rows are plain text inputs; a removed row takes its input with it.
            <li key={index} className="admin-purposes__row">
              <label htmlFor={id} className="admin-visually-hidden">
                {t.purposeLabel(index + 1)}
              </label>
              <input
                id={id}
                name={name}
                value={purpose}
                disabled={disabled}
                onChange={(event) => set(index, event.target.value)}
                aria-invalid={errors[name] ? true : undefined}
                aria-describedby={errors[name] ? `${id}-error` : undefined}
              />
              <button type="button" className="admin-button" disabled={disabled || purposes.length <= 1} onClick={() => onRemove(index)}>
                {t.removePurpose(index + 1)}
              </button>
              {errors[name] && (
                <p className="admin-field__error" id={`${id}-error`}>
                  {errors[name]}
                </p>
              )}
            </li>
          )
        })}
      </ol>
      <button type="button" className="admin-button" disabled={disabled || purposes.length >= 20} onClick={() => onChange([...purposes, ''])}>
        {t.addPurpose}
      </button>
    </fieldset>
  )
}
