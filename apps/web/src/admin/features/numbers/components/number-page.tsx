import { Link, useParams } from 'react-router'
import { paths } from '../../../config/paths.ts'
import { ErrorAlert } from '../../../components/error-alert.tsx'
import { useNumberState } from '../api/get-number-state.ts'
import { usePerson } from '../api/get-person.ts'
import { numberText as t } from '../messages.ts'
import './number-page.css'
import { AgreementConfirm } from './agreement-confirm.tsx'
import { NumberEntryForm } from './number-entry-form.tsx'
import { NumberImages } from './number-images.tsx'
import { NumberReveal } from './number-reveal.tsx'
import { NumberStatePanel } from './number-state-panel.tsx'

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
          <div>
            <NumberStatePanel state={state.data} />
            <AgreementConfirm ids={ids} state={state.data} />
            <NumberEntryForm ids={ids} state={state.data} />
            {state.data.masked && <NumberReveal ids={ids} />}
          </div>
        </div>
      ) : state.error ? (
        <ErrorAlert error={state.error} />
      ) : (
        <p role="status">{t.loading}</p>
      )}
    </div>
  )
}
