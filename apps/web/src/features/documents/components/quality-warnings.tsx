import { documents } from '../../../messages/ja.ts'
import type { QualityIssue } from '../utils/image-quality.ts'

/** Advice only: the employee may still go on (the seed never refuses a photo). */
export function QualityWarnings({ issues }: { issues: readonly QualityIssue[] }) {
  if (issues.length === 0) return null
  return (
    <div className="notice notice--warning" role="status">
      <p>
        <strong>{documents.qualityTitle}</strong>
      </p>
      <ul>
        {issues.map((issue) => (
          <li key={issue}>{documents.quality[issue]}</li>
        ))}
      </ul>
      <p>{documents.qualityContinue}</p>
    </div>
  )
}
