import { type NetworkSettings, networkEntrySchema } from '@bango/shared/admin-networks'
import { useId, useState, type FormEvent } from 'react'
import { common, networks as t } from '../messages/ja.ts'
import { ErrorAlert, StatusNote } from './error-alert.tsx'

interface Props {
  settings: NetworkSettings
  title: string
  hint: string
  onSave: (allowedNetworks: string[]) => void
  pending: boolean
  saved: boolean
  error: unknown
}

const linesOf = (text: string) =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)

/**
 * A network allow-list (the installation's or a company's): one address or CIDR a line, the
 * caller's own address one click away. The shape of each line is checked here; whether it is a
 * real address, and that the list keeps the caller in, the server decides (NETWORK_EXCLUDES_CALLER).
 */
export function AllowedNetworksForm({ settings, title, hint, onSave, pending, saved, error }: Props) {
  const id = useId()
  const [text, setText] = useState(settings.allowedNetworks.join('\n'))
  const [invalid, setInvalid] = useState<string[]>([])
  const submit = (event: FormEvent) => {
    event.preventDefault()
    const lines = linesOf(text)
    const bad = lines.filter((line) => !networkEntrySchema.safeParse(line).success)
    setInvalid(bad)
    if (bad.length === 0) onSave(lines)
  }
  const addYourAddress = () => setText((current) => [...linesOf(current), settings.yourAddress].join('\n'))
  const onList = linesOf(text).includes(settings.yourAddress)

  return (
    <form className="admin-form" onSubmit={submit} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{title}</h2>
      <p className="admin-hint">{hint}</p>
      <ErrorAlert error={error} texts={{ NETWORK_EXCLUDES_CALLER: t.excludesYou }} />
      <StatusNote text={saved ? t.saved : null} />
      <div className="admin-field">
        <label htmlFor={`${id}-list`}>{t.label}</label>
        <textarea
          id={`${id}-list`}
          className="admin-networks"
          rows={6}
          value={text}
          spellCheck={false}
          autoCapitalize="off"
          aria-invalid={invalid.length > 0 ? true : undefined}
          aria-describedby={`${id}-you${invalid.length > 0 ? ` ${id}-error` : ''}`}
          onChange={(event) => setText(event.target.value)}
        />
        {invalid.length > 0 && (
          <p className="admin-field__error" id={`${id}-error`}>
            {t.invalid(invalid.join(', '))}
          </p>
        )}
      </div>
      <p className="admin-hint" id={`${id}-you`}>
        {t.yourAddress(settings.yourAddress)}{' '}
        {!onList && (
          <button type="button" className="admin-button admin-button--link" onClick={addYourAddress}>
            {t.addYourAddress}
          </button>
        )}
      </p>
      <p className="admin-hint">{t.recovery}</p>
      <button type="submit" className="admin-button admin-button--primary" disabled={pending}>
        {pending ? common.saving : t.save}
      </button>
    </form>
  )
}
