import { Field } from '../../../components/field.tsx'
import { signIn as t } from '../../../messages/ja.ts'

/** The 6-digit code from the authenticator app; mobile keyboards show digits, browsers may fill it. */
export function TotpCodeField({ value, onChange, error }: { value: string; onChange: (value: string) => void; error?: string | undefined }) {
  return (
    <Field
      name="code"
      label={t.totpCode}
      value={value}
      onChange={(next) => onChange(next.replace(/\D/g, '').slice(0, 6))}
      error={error}
      inputMode="numeric"
      autoComplete="one-time-code"
      maxLength={6}
      pattern="[0-9]{6}"
    />
  )
}
