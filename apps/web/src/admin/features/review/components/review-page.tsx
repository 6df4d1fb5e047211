import type { ReactNode } from 'react'
import { Link, useParams } from 'react-router'
import { paths } from '../../../config/paths.ts'
import { ErrorAlert } from '../../../components/error-alert.tsx'
import { useSubmission } from '../api/get-submission.ts'
import { reviewText as t } from '../messages.ts'
import { formatDateTime } from '../../../../lib/format.ts'
import { HouseholdApproval } from './household-approval.tsx'
import { PersonReview } from './person-review.tsx'
import { QueueNavigation, usePersonKeys } from './queue-navigation.tsx'
import './review.css'

export type PersonIds = { campaignId: string; employeeId: string; personId: string }

interface Props {
  /** Recording a person's number, beside their images (the numbers feature, composed by the app). */
  numberWork?: (ids: PersonIds) => ReactNode
}

/**
 * `/admin/campaigns/:campaignId/employees/:employeeId/submission`: one household of the review
 * queue — each person's images beside HR's own record, 承認 / 差し戻し, the number recorded on the
 * same screen; the whole household approved at once; on to the next household with work left.
 */
export function ReviewPage({ numberWork }: Props) {
  const { campaignId = '', employeeId = '' } = useParams()
  const submission = useSubmission(campaignId, employeeId)
  const employee = submission.data?.persons.find((person) => person.kind === 'employee')
  const sections = usePersonKeys(employeeId)
  return (
    <div className="admin-page">
      <p>
        <Link to={paths.employee(campaignId, employeeId)}>{t.back}</Link>
      </p>
      <QueueNavigation campaignId={campaignId} employeeId={employeeId} submittedAt={submission.data?.submittedAt ?? null} />
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
          <HouseholdApproval campaignId={campaignId} employeeId={employeeId} persons={submission.data.persons} />
          {submission.data.persons.map((person, index) => (
            <PersonReview key={person.id} ref={sections(index)} campaignId={campaignId} employeeId={employeeId} person={person} numberWork={numberWork} />
          ))}
        </>
      )}
    </div>
  )
}
