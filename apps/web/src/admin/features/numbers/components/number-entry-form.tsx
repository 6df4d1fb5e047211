import type { NumberStateResponse } from '@bango/shared/admin-number'
import { isValidMyNumber, normalizeMyNumber } from '@bango/shared/my-number'
import { useEffect, useId, useRef, useState, type FormEvent } from 'react'
import { ErrorAlert, StatusNote } from '../../../components/error-alert.tsx'
import { Field } from '../../../components/field.tsx'
import { useEnterNumber } from '../api/enter-number.ts'
import { numberText as t } from '../messages.ts'
import { OcrSuggestion } from './ocr-suggestion.tsx'

interface Props {
  ids: { campaignId: string; employeeId: string; personId: string }
  state: NumberStateResponse
  /** h3 where the section sits under a person's heading (the review queue); h2 on the number page. */
  level?: 2 | 3
}

/**
 * Typed entry of the double entry. The input is emptied after every answer, so the first value
 * is never on screen when the confirmation is typed (the server never sends it back either).
 * OCR fills the first entry of a number not yet recorded (HR compares it with the image and
 * registers it): a confirmation copied from the same reading would check nothing, and a
 * correction starts from the documents, not from the reading that was recorded.
 */
export function NumberEntryForm({ ids, state, level = 2 }: Props) {
  const headingId = useId()
  const Heading = level === 3 ? 'h3' : 'h2'
  const enter = useEnterNumber(ids.campaignId, ids.employeeId, ids.personId)
  const [value, setValue] = useState('')
  const [invalid, setInvalid] = useState(false)
  const [note, setNote] = useState<string | null>(null)
  const confirming = state.state === 'pending_confirmation'
  // After HR's own first entry the confirmation field replaces the first: focus goes on into it.
  const form = useRef<HTMLFormElement>(null)
  const focusConfirmation = useRef(false)
  useEffect(() => {
    if (!confirming || !focusConfirmation.current) return
    focusConfirmation.current = false
    form.current?.querySelector<HTMLInputElement>('input[name="number"]')?.focus()
  }, [confirming])
  const label = !confirming ? t.firstLabel : state.pendingByMe ? t.confirmOwnLabel : t.confirmOtherLabel
  const hint = !confirming ? t.firstHint : state.pendingByMe ? t.confirmOwnHint : t.confirmOtherHint

  function submit(event: FormEvent) {
    event.preventDefault()
    const number = normalizeMyNumber(value)
    if (!isValidMyNumber(number)) {
      setInvalid(true)
      return
    }
    setInvalid(false)
    setNote(null)
    enter.mutate(
      { number, confirm: confirming },
      {
        onSuccess: (next) => {
          focusConfirmation.current = next.state === 'pending_confirmation'
          setNote(next.state === 'recorded' ? t.recorded : t.held)
        },
        // Hidden whatever the outcome: a mismatch discarded both entries on the server.
        onSettled: () => setValue(''),
      },
    )
  }

  return (
    <section aria-labelledby={headingId} className="admin-section">
      <Heading id={headingId}>{t.entryTitle}</Heading>
      {state.state === 'recorded' && <p className="admin-hint">{t.correcting}</p>}
      {state.state === 'none' && (
        <OcrSuggestion
          ids={ids}
          onSuggest={(digits) => {
            setValue(digits)
            setInvalid(false)
          }}
        />
      )}
      <form className="admin-form" onSubmit={submit} noValidate ref={form}>
        <Field
          key={confirming ? 'confirm' : 'first'}
          name="number"
          label={label}
          hint={hint}
          value={value}
          onChange={setValue}
          error={invalid ? t.invalid : undefined}
          inputMode="numeric"
          autoComplete="off"
          spellCheck={false}
          maxLength={20}
        />
        <div className="admin-actions">
          <button type="submit" className="admin-button admin-button--primary" disabled={enter.isPending}>
            {confirming ? t.submitConfirm : t.submitFirst}
          </button>
        </div>
      </form>
      <ErrorAlert error={enter.error} />
      <StatusNote text={note} />
    </section>
  )
}
