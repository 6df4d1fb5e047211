import { useId } from 'react'
import type { NumberStateResponse } from '@bango/shared/admin-number'
import { Link } from 'react-router'
import { paths } from '../../../config/paths.ts'
import { numberText as t } from '../messages.ts'
import { formatDateTime } from '../../../../lib/format.ts'
import { Facts } from '../../../components/facts.tsx'

/** Where the record stands, masked, with the duplicate and employee-entry warnings. */
export function NumberStatePanel({ state, level = 2 }: { state: NumberStateResponse; level?: 2 | 3 }) {
  const headingId = useId()
  const Heading = level === 3 ? 'h3' : 'h2'
  const facts: [string, string][] = [
    [t.stateLabel, t.states[state.state]],
    [t.maskedLabel, state.masked ?? '—'],
    [t.recordedAtLabel, state.recordedAt ? formatDateTime(state.recordedAt) : '—'],
    [t.employeeEntryLabel, t.employeeEntry[state.employeeEntry]],
    [t.methodLabel, state.method ? t.methods[state.method] : '—'],
  ]
  return (
    <section aria-labelledby={headingId} className="admin-section">
      <Heading id={headingId}>{t.stateTitle}</Heading>
      <Facts facts={facts} />
      {state.employeeEntry === 'differs' && <p className="admin-notice admin-notice--warning">{t.differs}</p>}
      {state.duplicateOf.length > 0 && (
        <div className="admin-notice admin-notice--warning">
          <p>{t.duplicate(state.duplicateOf.length)}</p>
          <ul>
            {state.duplicateOf.map((duplicate) => (
              <li key={duplicate.personId}>
                <Link to={paths.employee(duplicate.campaignId, duplicate.employeeId)}>
                  {t.duplicateLink(duplicate.name, duplicate.employeeNumber, duplicate.campaignName)}
                </Link>
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  )
}
