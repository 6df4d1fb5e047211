import { ErrorAlert } from '../../../components/error-alert.tsx'
import { useNumberState } from '../api/get-number-state.ts'
import { numberText as t } from '../messages.ts'
import { AgreementConfirm } from './agreement-confirm.tsx'
import { NumberEntryForm } from './number-entry-form.tsx'
import { NumberReveal } from './number-reveal.tsx'
import { NumberStatePanel } from './number-state-panel.tsx'

interface Props {
  ids: { campaignId: string; employeeId: string; personId: string }
  /** h3 under a person's heading (the review queue, images beside it there); h2 on the number page. */
  level?: 2 | 3
}

/** Recording one person's number: where it stands (masked), the agreement of two sources, the typed entry, the audited reveal. */
export function NumberWork({ ids, level = 2 }: Props) {
  const state = useNumberState(ids.campaignId, ids.employeeId, ids.personId)
  if (!state.data) return state.error ? <ErrorAlert error={state.error} /> : <p role="status">{t.loading}</p>
  return (
    <div className="number-work">
      <NumberStatePanel state={state.data} level={level} />
      <AgreementConfirm ids={ids} state={state.data} level={level} />
      <NumberEntryForm ids={ids} state={state.data} level={level} />
      {state.data.masked && <NumberReveal ids={ids} level={level} />}
    </div>
  )
}
