import { Link, Navigate, useParams } from 'react-router'
import { ErrorAlert } from '../../../components/error-alert.tsx'
import { paths } from '../../../config/paths.ts'
import { useReviewQueue } from '../api/review-queue.ts'
import { reviewText as t } from '../messages.ts'

/** `/admin/campaigns/:campaignId/review`: the first household of the queue, or word that nothing is waiting. */
export function ReviewQueueStart() {
  const { campaignId = '' } = useParams()
  const queue = useReviewQueue(campaignId)
  const first = queue.data?.households[0]
  if (first) return <Navigate to={paths.submission(campaignId, first.employeeId)} replace />
  return (
    <div className="admin-page">
      <p>
        <Link to={paths.campaign(campaignId)}>{t.backToCampaign}</Link>
      </p>
      <h1>{t.queueTitle}</h1>
      {queue.data ? <p>{t.queueEmpty}</p> : queue.error ? <ErrorAlert error={queue.error} /> : <p role="status">{t.loading}</p>}
    </div>
  )
}
