import type { NumberStateResponse } from '@bango/shared/admin-number'
import { Link } from 'react-router'
import { paths } from '../../../config/paths.ts'
import { numberText as t } from '../messages.ts'
import { formatDateTime } from '../../../../lib/format.ts'
import { Facts } from '../../../components/facts.tsx'

/** Where the record stands, masked, with the duplicate and employee-entry warnings. */
export function NumberStatePanel({ state }: { state: NumberStateResponse }) {
  const facts: [string, string][] = [
    [t.stateLabel, t.states[state.state]],
    [t.maskedLabel, state.masked ?? '—'],
    [t.recordedAtLabel, state.recordedAt ? formatDateTime(state.recordedAt) : '—'],
    [t.employeeEntryLabel, t.employeeEntry[state.employeeEntry]],
    [t.methodLabel, state.method ? t.methods[state.method] : '—'],
  ]
  return (
    <section aria-labelledby="number-state" className="admin-section">
      <h2 id="number-state">{t.stateTitle}</h2>
      <Facts facts={facts} />
      {state.employeeEntry === 'differs' && <p className="admin-notice admin-notice--warning">{t.differs}</p>}
      {state.duplicateOf.length > 0 && (
        <div className="admin-notice admin-notice--warning">
          <p>{t.duplicate(state.duplicateOf.length)}</p>
          <ul>
            {state.duplicateOf.map((duplicate, index) => (
              <li key={duplicate.personId}>
                <Link to={paths.employee(duplicate.campaignId, duplicate.employeeId)}>{t.duplicateLink(index + 1)}</Link>
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  )
}
