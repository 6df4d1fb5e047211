import { useEffect, useId, useRef } from 'react'
import type { NumberStateResponse } from '@bango/shared/admin-number'
import { ErrorAlert, StatusNote } from '../../../components/error-alert.tsx'
import { useConfirmAgreement } from '../api/confirm-agreement.ts'
import { useReadNumberOcr } from '../api/read-number-ocr.ts'
import { groupDigits, numberText as t } from '../messages.ts'

interface Props {
  ids: { campaignId: string; employeeId: string; personId: string }
  state: NumberStateResponse
  /** h3 where the section sits under a person's heading (the review queue); h2 on the number page. */
  level?: 2 | 3
}

/**
 * Two independent sources agree on the number (ADR 043). Where the company accepts it, HR shows
 * the agreed number, compares it with the image beside it, and records it with one confirmation;
 * otherwise the agreement is said, and the double entry below records the number.
 */
export function AgreementConfirm({ ids, state, level = 2 }: Props) {
  const headingId = useId()
  const Heading = level === 3 ? 'h3' : 'h2'
  const read = useReadNumberOcr(ids.campaignId, ids.employeeId, ids.personId)
  const confirm = useConfirmAgreement(ids.campaignId, ids.employeeId, ids.personId)
  const number = read.data?.suggestion ?? null
  // Shown at HR's request: focus goes on to recording it, so the keyboard alone gets there.
  const record = useRef<HTMLButtonElement>(null)
  useEffect(() => {
    if (number !== null) record.current?.focus()
  }, [number])
  if (state.state === 'recorded') return confirm.isSuccess ? <StatusNote text={t.agreementRecorded} /> : null
  if (!state.agreement) return null
  return (
    <section aria-labelledby={headingId} className="admin-section">
      <Heading id={headingId}>{t.agreementTitle}</Heading>
      <p>{t.agreementSources[state.agreement]}</p>
      {!state.acceptsAgreement ? (
        <p className="admin-hint">{t.agreementNotAccepted}</p>
      ) : number === null ? (
        <button data-queue-focus type="button" className="admin-button" onClick={() => read.mutate()} disabled={read.isPending}>
          {read.isPending ? t.ocrReading : t.agreementShow}
        </button>
      ) : (
        <div className="admin-confirm" role="group" aria-label={t.agreementTitle}>
          <p>
            {t.agreementNumber}
            <strong className="admin-secret">{groupDigits(number)}</strong>
          </p>
          <p>{t.agreementCompare}</p>
          <button ref={record} type="button" className="admin-button admin-button--primary" onClick={() => confirm.mutate(number)} disabled={confirm.isPending}>
            {t.agreementRecord}
          </button>
        </div>
      )}
      <StatusNote text={read.isSuccess && number === null ? t.ocrNone : null} />
      <ErrorAlert error={read.error ?? confirm.error} />
    </section>
  )
}
