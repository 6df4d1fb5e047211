import { Link, useParams } from 'react-router'
import { paths } from '../../../config/paths.ts'
import { ErrorAlert } from '../../../components/error-alert.tsx'
import { useSubmission } from '../api/get-submission.ts'
import { reviewText as t } from '../messages.ts'
import { formatDateTime } from '../../../../lib/format.ts'
import { PersonReview } from './person-review.tsx'
import './review.css'

/** `/admin/campaigns/:campaignId/employees/:employeeId/submission`: review a 完了 submission person by person. */
export function ReviewPage() {
  const { campaignId = '', employeeId = '' } = useParams()
  const submission = useSubmission(campaignId, employeeId)
  const employee = submission.data?.persons.find((person) => person.kind === 'employee')
  return (
    <div className="admin-page">
      <p>
        <Link to={paths.employee(campaignId, employeeId)}>{t.back}</Link>
      </p>
      <h1>{t.title(employee?.name ?? '')}</h1>
      {!submission.data ? (
        submission.error ? (
          <ErrorAlert error={submission.error} />
        ) : (
          <p role="status">{t.loading}</p>
        )
      ) : (
        <>
          <p>{t.submittedAt(formatDateTime(submission.data.submittedAt))}</p>
          <p className="admin-notice">{t.watermarkNote}</p>
          {submission.data.persons.map((person) => (
            <PersonReview key={person.id} campaignId={campaignId} employeeId={employeeId} person={person} />
          ))}
        </>
      )}
    </div>
  )
}
