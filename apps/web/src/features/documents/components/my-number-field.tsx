import { type Ref, useId } from 'react'
import { useT } from '../../../lib/use-t.ts'

interface MyNumberFieldProps {
  value: string
  onChange: (value: string) => void
  onBlur: () => void
  error: string | null
  inputRef: Ref<HTMLInputElement>
}

/**
 * 「個人番号（12 桁）」 on the confirm step, for campaigns that ask the employee for it. No `name`
 * and no form around it, so the browser neither remembers it nor puts it in a URL.
 */
export function MyNumberField({ value, onChange, onBlur, error, inputRef }: MyNumberFieldProps) {
  const { t } = useT()
  const id = useId()
  return (
    <div className="field">
      <label className="field__label" htmlFor={id}>
        {t('documents.myNumberLabel')}
      </label>
      <p className="hint" id={`${id}-hint`}>
        {t('documents.myNumberHint')}
      </p>
      <input
        id={id}
        ref={inputRef}
        type="text"
        inputMode="numeric"
        autoComplete="off"
        autoCorrect="off"
        spellCheck={false}
        maxLength={20}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        onBlur={onBlur}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-hint ${id}-error` : `${id}-hint`}
      />
      {error && (
        <p className="field__error" id={`${id}-error`} role="alert">
          {error}
        </p>
      )}
    </div>
  )
}
