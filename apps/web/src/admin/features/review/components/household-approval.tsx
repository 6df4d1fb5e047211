import type { ReviewPerson } from '@bango/shared/admin-review'
import { ErrorAlert, StatusNote } from '../../../components/error-alert.tsx'
import { useApproveHousehold } from '../api/review-queue.ts'
import { reviewText as t } from '../messages.ts'

/** 「世帯をまとめて承認」: every registered person still to review, in one step, once HR has looked at them all. */
export function HouseholdApproval({ campaignId, employeeId, persons }: { campaignId: string; employeeId: string; persons: readonly ReviewPerson[] }) {
  const approve = useApproveHousehold(campaignId, employeeId)
  const pending = persons.filter((person) => person.status === 'registered' && person.review.status === 'pending').length
  if (pending === 0 && !approve.isSuccess) return null
  return (
    <div className="review-household">
      {pending > 0 && (
        <div className="admin-actions">
          <button type="button" className="admin-button admin-button--primary" disabled={approve.isPending} onClick={() => approve.mutate()}>
            {t.approveHousehold(pending)}
          </button>
        </div>
      )}
      <StatusNote text={approve.isSuccess ? t.householdApproved(approve.data.approved) : null} />
      <ErrorAlert error={approve.error} />
    </div>
  )
}
