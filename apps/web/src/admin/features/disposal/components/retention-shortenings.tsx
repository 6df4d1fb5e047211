import type { DisposalPreviewResponse } from '@bango/shared/admin-disposal'
import { ErrorAlert, StatusNote } from '../../../components/error-alert.tsx'
import { formatDateTime } from '../../../../lib/format.ts'
import { useUndoRetentionShortening } from '../api/undo-retention-shortening.ts'
import { disposalText } from '../messages.ts'
import { PersonsTable } from './disposal-preview.tsx'

const t = disposalText.page

/** Shortened retention periods in their grace period: who each will take when it ends, and the way back. */
export function RetentionShortenings({ campaignId, shortenings }: { campaignId: string; shortenings: DisposalPreviewResponse['shortenings'] }) {
  const undo = useUndoRetentionShortening(campaignId)
  if (shortenings.length === 0) return <StatusNote text={undo.isSuccess ? t.shorteningUndone : null} />
  return (
    <section className="admin-section" aria-labelledby="retention-shortenings">
      <h2 id="retention-shortenings">{t.shorteningTitle}</h2>
      <ErrorAlert error={undo.error} />
      {shortenings.map((s) => (
        <div key={s.id} className="admin-notice admin-notice--warning">
          <p>{t.shortening(s.changedBy.name, formatDateTime(s.changedAt), s.fromMonths, s.toMonths)}</p>
          <p>
            {t.shorteningEffect(
              formatDateTime(s.effectiveAt),
              s.persons.length,
              s.persons.reduce((sum, p) => sum + p.imageCount, 0),
            )}
          </p>
          {s.persons.length > 0 && <PersonsTable persons={s.persons} caption={t.shorteningTitle} />}
          <p>
            <button type="button" className="admin-button" disabled={undo.isPending} onClick={() => undo.mutate(s.id)}>
              {t.shorteningUndo}
            </button>
          </p>
        </div>
      ))}
    </section>
  )
}
