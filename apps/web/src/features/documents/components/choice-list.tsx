import { useId } from 'react'

interface Choice<T extends string> {
  value: T
  label: string
  note?: string
}

interface ChoiceListProps<T extends string> {
  legend: string
  choices: Choice<T>[]
  value: T | null
  onChange: (value: T) => void
}

/** A radio group with large tap targets; the radio's accessible name is the label alone. */
export function ChoiceList<T extends string>({ legend, choices, value, onChange }: ChoiceListProps<T>) {
  const name = useId()
  return (
    <fieldset className="choices">
      <legend>{legend}</legend>
      {choices.map((choice) => (
        <div className="choice" key={choice.value}>
          <label className="choice__label">
            <input
              type="radio"
              name={name}
              value={choice.value}
              checked={value === choice.value}
              onChange={() => onChange(choice.value)}
              aria-describedby={choice.note ? `${name}-${choice.value}` : undefined}
            />
            <span>{choice.label}</span>
          </label>
          {choice.note && (
            <p className="choice__note" id={`${name}-${choice.value}`}>
              {choice.note}
            </p>
          )}
        </div>
      ))}
    </fieldset>
  )
}
