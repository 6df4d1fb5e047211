import { useId } from 'react'

interface SelectFieldProps {
  label: string
  value: string
  onChange: (value: string) => void
  /** The choices in order: the value sent, the text shown. */
  options: readonly { value: string; text: string }[]
  /** The first, empty choice while nothing is chosen. */
  placeholder: string
  error?: string | undefined
}

/** A labelled choice list whose error is tied to it for screen readers (as TextField's). */
export function SelectField({ label, value, onChange, options, placeholder, error }: SelectFieldProps) {
  const id = useId()
  return (
    <div className="field">
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      <select
        id={id}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
      >
        <option value="">{placeholder}</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.text}
          </option>
        ))}
      </select>
      {error && (
        <p className="field__error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </div>
  )
}
