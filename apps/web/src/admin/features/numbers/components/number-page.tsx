import { Link, useParams } from 'react-router'
import { paths } from '../../../config/paths.ts'
import { ErrorAlert } from '../../../components/error-alert.tsx'
import { useNumberState } from '../api/get-number-state.ts'
import { usePerson } from '../api/get-person.ts'
import { numberText as t } from '../messages.ts'
import './number-page.css'
import { NumberImages } from './number-images.tsx'
import { NumberWork } from './number-work.tsx'

/**
 * 「個人番号の記録」 of one person: the number-document images beside the state (masked),
 * warnings, the agreement of two sources (ADR 043), OCR + double entry, audited reveal.
 */
export function NumberPage() {
  const { campaignId = '', employeeId = '', personId = '' } = useParams()
  const ids = { campaignId, employeeId, personId }
  const person = usePerson(campaignId, employeeId, personId)
  const state = useNumberState(campaignId, employeeId, personId)
  const who = person.data?.person
  return (
    <div className="admin-page">
      <p>
        <Link to={paths.employee(campaignId, employeeId)}>{t.back}</Link>
      </p>
      <h1>{t.title}</h1>
      {who && <p>{t.person(who.name, who.relationship)}</p>}
      {state.data ? (
        <div className="number-layout">
          <NumberImages campaignId={campaignId} images={state.data.images} />
          <NumberWork ids={ids} />
        </div>
      ) : state.error ? (
        <ErrorAlert error={state.error} />
      ) : (
        <p role="status">{t.loading}</p>
      )}
    </div>
  )
}
