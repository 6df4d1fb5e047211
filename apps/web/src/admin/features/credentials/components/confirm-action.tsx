import { useState } from 'react'
import { credentialsText as t } from '../messages.ts'

interface ConfirmActionProps {
  label: string
  question: string
  confirmLabel: string
  onConfirm: () => void
  disabled?: boolean
  describedBy?: string
  primary?: boolean
}

/** A button that asks first, in the page (no window.confirm): the question, then 実行 / やめる. */
export function ConfirmAction({ label, question, confirmLabel, onConfirm, disabled, describedBy, primary }: ConfirmActionProps) {
  const [asking, setAsking] = useState(false)
  const buttonClass = primary ? 'admin-button admin-button--primary' : 'admin-button'
  if (!asking) {
    return (
      <button type="button" className={buttonClass} onClick={() => setAsking(true)} disabled={disabled} aria-describedby={describedBy}>
        {label}
      </button>
    )
  }
  return (
    <div className="admin-confirm" role="group" aria-label={label}>
      <p>{question}</p>
      <button
        type="button"
        className="admin-button admin-button--primary"
        onClick={() => {
          setAsking(false)
          onConfirm()
        }}
      >
        {confirmLabel}
      </button>
      <button type="button" className="admin-button" onClick={() => setAsking(false)}>
        {t.cancel}
      </button>
    </div>
  )
}
