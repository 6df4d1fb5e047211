import type { ExportSummary } from '@bango/shared/admin-export'
import { exportText as t } from '../messages.ts'

const REASONS = ['notSubmitted', 'inReview', 'returned', 'notApplicable', 'disposed'] as const

/** How many persons the payroll file holds, and how many are left out for which reason. */
export function ExportSummarySection({ summary }: { summary: ExportSummary }) {
  const left = REASONS.filter((reason) => summary.left[reason] > 0)
  return (
    <section aria-labelledby="export-summary" className="admin-section">
      <h2 id="export-summary">{t.summaryTitle}</h2>
      <p>
        <strong>{t.exported(summary.exported)}</strong>
      </p>
      {summary.withoutNumber > 0 && <p>{t.withoutNumber(summary.withoutNumber)}</p>}
      <h3>{t.leftTitle}</h3>
      {left.length === 0 ? (
        <p>{t.leftNone}</p>
      ) : (
        <>
          <dl className="admin-facts">
            {left.map((reason) => (
              <div key={reason}>
                <dt>{t.left[reason]}</dt>
                <dd>{t.people(summary.left[reason])}</dd>
              </div>
            ))}
          </dl>
          <p className="admin-hint">{t.leftHint}</p>
        </>
      )}
    </section>
  )
}
