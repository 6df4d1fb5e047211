import type { Person } from '@bango/shared/employee-api'
import { useT } from '../lib/use-t.ts'

/** Why HR sent this person back (差し戻し): the same words HR chose in the console, and HR's note. */
export function ReturnReason({ review }: { review: Person['review'] }) {
  const { t } = useT()
  if (review.status !== 'returned' || !review.reason) return null
  return (
    <p className="notice notice--warning">
      {t('targets.returnReason', { reason: t(`returnReasons.${review.reason}`) })}
      {review.note && (
        <>
          <br />
          {review.note}
        </>
      )}
    </p>
  )
}
