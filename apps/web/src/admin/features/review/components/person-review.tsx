import { DOCUMENT_TYPE_LABELS } from '@bango/shared/documents'
import type { ReviewPerson, SubmittedImage } from '@bango/shared/admin-review'
import { RETURN_REASON_LABELS } from '@bango/shared/review'
import { type ReactNode, type Ref, useState } from 'react'
import { ErrorAlert } from '../../../components/error-alert.tsx'
import { Facts } from '../../../components/facts.tsx'
import { useReviewPerson } from '../api/review-person.ts'
import { reviewText as t } from '../messages.ts'
import { formatDate, formatDateTime } from '../../../../lib/format.ts'
import { ImageViewer } from '../../../components/image-viewer.tsx'
import { ReturnForm } from './return-form.tsx'

const typeName = (type: string) => (DOCUMENT_TYPE_LABELS as Record<string, string>)[type] ?? type

function imageLabel(image: SubmittedImage) {
  const role = image.role === 'number' ? t.numberDocument : t.identityDocument(image.slot)
  return `${role}（${typeName(image.type)}）${t.side[image.side]}`
}

interface Props {
  campaignId: string
  employeeId: string
  person: ReviewPerson
  /** The person's number work (the numbers feature), shown beside the images for a registered person. */
  numberWork?: (ids: { campaignId: string; employeeId: string; personId: string }) => ReactNode
  ref?: Ref<HTMLElement>
}

/**
 * One person of the submission: every image, beside HR's own record of the person (to compare
 * with the documents), the documents chosen, the review state, 承認 / 差し戻し and the number.
 */
export function PersonReview({ campaignId, employeeId, person, numberWork, ref }: Props) {
  const decide = useReviewPerson(campaignId, employeeId, person.id)
  const [returning, setReturning] = useState(false)
  const headingId = `person-${person.id}`
  const { review } = person
  const reviewable = person.status !== 'not_applicable' && review.status !== 'returned'
  const documents = [
    person.registration?.numberDocument && `${t.numberDocument}：${typeName(person.registration.numberDocument.type)}`,
    ...(person.registration?.identity?.documents ?? []).map((document, slot) => `${t.identityDocument(slot)}：${typeName(document.type)}`),
  ].filter(Boolean)

  return (
    <section className="admin-section review-person" aria-labelledby={headingId} ref={ref} tabIndex={-1}>
      <h2 id={headingId}>
        {person.name}
        <span className="review-person__kind">{person.kind === 'employee' ? t.kinds.employee : person.relationship}</span>
      </h2>
      <div className="review-person__body">
        {person.images.length > 0 && (
          <div className="review-person__images">
            {person.images.map((image) => (
              <ImageViewer key={image.id} campaignId={campaignId} documentId={image.id} label={imageLabel(image)} />
            ))}
          </div>
        )}
        <div className="review-person__work">
          <Facts
            facts={[
              [t.record.name, person.name],
              [t.record.kana, person.kana],
              [t.record.birthDate, formatDate(person.birthDate)],
              [t.record.relationship, person.kind === 'employee' ? t.kinds.employee : person.relationship],
            ]}
          />
          {/* 対象外 has nothing to review: 「未確認」 there would read as work left to do. */}
          {(person.status !== 'not_applicable' || review.status !== 'pending') && (
            <p className={`review-status review-status--${review.status}`}>
              {t.status[review.status]}
              {review.reviewedAt && t.reviewedAt(formatDateTime(review.reviewedAt))}
              {review.status === 'returned' && review.reason && `：${RETURN_REASON_LABELS[review.reason]}${review.note ? `（${review.note}）` : ''}`}
            </p>
          )}
          {person.status === 'not_applicable' && person.images.length === 0 ? (
            <p>{t.notApplicable}</p>
          ) : (
            <>
              {review.status === 'returned' && <p className="admin-notice">{t.awaitingRedo}</p>}
              {documents.length > 0 && (
                <ul className="review-person__documents">
                  {documents.map((line) => (
                    <li key={line}>{line}</li>
                  ))}
                </ul>
              )}
              {person.images.length === 0 && <p>{t.noImages}</p>}
            </>
          )}
          {reviewable && !returning && (
            <div className="admin-actions">
              {review.status !== 'approved' && (
                <button
                  type="button"
                  className="admin-button admin-button--primary"
                  disabled={decide.isPending}
                  aria-label={t.approveOf(person.name)}
                  onClick={() => decide.mutate({ action: 'approve' })}
                >
                  {t.approve}
                </button>
              )}
              <button
                type="button"
                className="admin-button admin-button--danger"
                aria-label={t.sendBackOf(person.name)}
                disabled={decide.isPending}
                onClick={() => setReturning(true)}
              >
                {t.sendBack}
              </button>
            </div>
          )}
          {returning && (
            <ReturnForm
              busy={decide.isPending}
              onCancel={() => setReturning(false)}
              onSubmit={(reason, note) => decide.mutate({ action: 'return', reason, ...(note ? { note } : {}) }, { onSuccess: () => setReturning(false) })}
            />
          )}
          {decide.isSuccess && (
            <p role="status">
              {decide.data.status === 'returned' ? t.returned : t.approved}
              {'notice' in decide.data && (decide.data.notice === 'email' ? t.noticeByEmail : t.noticeOnPaper)}
            </p>
          )}
          <ErrorAlert error={decide.error} />
          {person.status === 'registered' &&
            person.images.some((image) => image.role === 'number') &&
            numberWork?.({ campaignId, employeeId, personId: person.id })}
        </div>
      </div>
    </section>
  )
}
