import { RETURN_REASON_LABELS } from '@bango/shared/review'
import type { Person } from '@bango/shared/employee-api'
import { targets } from '../messages/ja.ts'

/** Why HR sent this person back (差し戻し): the same words HR chose in the console, and HR's note. */
export function ReturnReason({ review }: { review: Person['review'] }) {
  if (review.status !== 'returned' || !review.reason) return null
  return (
    <p className="notice notice--warning">
      {targets.returnReason(RETURN_REASON_LABELS[review.reason])}
      {review.note && (
        <>
          <br />
          {review.note}
        </>
      )}
    </p>
  )
}
