import { useT } from '../../../lib/use-t.ts'
import type { QualityIssue } from '../utils/image-quality.ts'

/** Advice only: the employee may still go on (the seed never refuses a photo). */
export function QualityWarnings({ issues }: { issues: readonly QualityIssue[] }) {
  const { t } = useT()
  if (issues.length === 0) return null
  return (
    <div className="notice notice--warning" role="status">
      <p>
        <strong>{t('documents.qualityTitle')}</strong>
      </p>
      <ul>
        {issues.map((issue) => (
          <li key={issue}>{t(`documents.quality.${issue}`)}</li>
        ))}
      </ul>
      <p>{t('documents.qualityContinue')}</p>
    </div>
  )
}

/** The server could not read the number off the photo just sent (ADR 042): advice to retake, never a refusal. */
export function NumberUnreadableWarning({ show }: { show: boolean }) {
  const { t } = useT()
  if (!show) return null
  return (
    <p className="notice notice--warning" role="status">
      {t('documents.numberUnreadable')}
    </p>
  )
}
