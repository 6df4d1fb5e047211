import { RETURN_NOTE_MAX, RETURN_REASONS, RETURN_REASON_LABELS, type ReturnReason } from '@bango/shared/review'
import { returnPersonRequestSchema } from '@bango/shared/admin-review'
import { useId, useState, type FormEvent } from 'react'
import { reviewText as t } from '../messages.ts'

/** 差し戻し: a reason from the shared list, and a note (required for その他) the employee will read. */
export function ReturnForm({ busy, onSubmit, onCancel }: { busy: boolean; onSubmit: (reason: ReturnReason, note: string) => void; onCancel: () => void }) {
  const ids = useId()
  const [reason, setReason] = useState<ReturnReason>('blurry')
  const [note, setNote] = useState('')
  const [problem, setProblem] = useState<string | null>(null)

  const submit = (event: FormEvent) => {
    event.preventDefault()
    const parsed = returnPersonRequestSchema.safeParse({ reason, note })
    if (!parsed.success) {
      setProblem(reason === 'other' && !note.trim() ? t.noteRequired : (parsed.error.issues[0]?.message ?? t.noteRequired))
      return
    }
    setProblem(null)
    onSubmit(reason, note.trim())
  }

  return (
    <form className="admin-form review-return" onSubmit={submit} aria-label={t.sendBackTitle} noValidate>
      <div className="admin-field">
        <label htmlFor={`${ids}-reason`}>{t.reason}</label>
        <select id={`${ids}-reason`} value={reason} onChange={(event) => setReason(event.target.value as ReturnReason)}>
          {RETURN_REASONS.map((code) => (
            <option key={code} value={code}>
              {RETURN_REASON_LABELS[code]}
            </option>
          ))}
        </select>
      </div>
      <div className="admin-field">
        <label htmlFor={`${ids}-note`}>{t.note}</label>
        <input
          id={`${ids}-note`}
          type="text"
          value={note}
          maxLength={RETURN_NOTE_MAX}
          onChange={(event) => setNote(event.target.value)}
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? `${ids}-problem` : undefined}
        />
        {problem && (
          <p id={`${ids}-problem`} className="admin-field__error" role="alert">
            {problem}
          </p>
        )}
      </div>
      <div className="admin-actions">
        <button type="submit" className="admin-button admin-button--danger" disabled={busy}>
          {t.confirmSendBack}
        </button>
        <button type="button" className="admin-button" onClick={onCancel} disabled={busy}>
          {t.cancel}
        </button>
      </div>
    </form>
  )
}
