import { useId } from 'react'
import { ErrorAlert } from '../../../components/error-alert.tsx'
import { useRevealNumber } from '../api/reveal-number.ts'
import { groupDigits, numberText as t } from '../messages.ts'

/** 「表示する」: the full number on request (recorded on the server), 「隠す」 forgets it. */
export function NumberReveal({ ids, level = 2 }: { ids: { campaignId: string; employeeId: string; personId: string }; level?: 2 | 3 }) {
  const headingId = useId()
  const Heading = level === 3 ? 'h3' : 'h2'
  const reveal = useRevealNumber(ids.campaignId, ids.employeeId, ids.personId)
  return (
    <section aria-labelledby={headingId} className="admin-section">
      <Heading id={headingId}>{t.revealTitle}</Heading>
      <p className="admin-hint">{t.revealNote}</p>
      {reveal.data ? (
        <>
          <p>
            {t.revealedLabel}：<output className="admin-secret">{groupDigits(reveal.data.number)}</output>
          </p>
          <button type="button" className="admin-button" onClick={() => reveal.reset()}>
            {t.hide}
          </button>
        </>
      ) : (
        <button type="button" className="admin-button" onClick={() => reveal.mutate()} disabled={reveal.isPending}>
          {t.reveal}
        </button>
      )}
      <ErrorAlert error={reveal.error} />
    </section>
  )
}
