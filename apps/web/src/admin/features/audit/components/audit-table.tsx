import { AUDIT_ACTOR_TYPE_LABELS, type AuditEventRow, auditActionLabel } from '@bango/shared/admin-audit'
import { auditDetailLines, auditTargetText, personText } from '@bango/shared/audit-detail'
import { auditText as t } from '../messages.ts'

const dateTime = new Intl.DateTimeFormat('ja-JP', { timeZone: 'Asia/Tokyo', dateStyle: 'medium', timeStyle: 'medium' })

interface AuditTableProps {
  events: readonly AuditEventRow[]
  onActor: (actorId: string) => void
}

const actorTypeLabel = (type: string) => (AUDIT_ACTOR_TYPE_LABELS as Record<string, string>)[type] ?? type

/** The detail as labelled values (never raw JSON): ids named, codes in words. */
function AuditDetail({ event }: { event: AuditEventRow }) {
  const lines = auditDetailLines(event.detail, event.names)
  if (lines.length === 0) return null
  return (
    <dl className="audit-detail__list">
      {lines.map((line) => (
        <div key={line.key || line.label}>
          <dt>{line.label}</dt>
          <dd>{line.value}</dd>
        </div>
      ))}
    </dl>
  )
}

/** One page of events; an actor's name filters by that actor. */
export function AuditTable({ events, onActor }: AuditTableProps) {
  return (
    <table className="admin-table audit-table" aria-label={t.table}>
      <thead>
        <tr>
          {Object.values(t.columns).map((label) => (
            <th key={label} scope="col">
              {label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {events.map((event) => (
          <tr key={event.id}>
            <td>
              <time dateTime={event.at}>{dateTime.format(new Date(event.at))}</time>
            </td>
            <td>{event.companyName ?? (event.companyId ? event.companyId : t.installation)}</td>
            <td>{actorTypeLabel(event.actorType)}</td>
            <td>
              {event.actorId ? (
                <button
                  type="button"
                  className="admin-button admin-button--link"
                  title={t.byActor(event.actorName ?? event.actorId)}
                  onClick={() => onActor(event.actorId!)}
                >
                  {event.actorName ? personText(event.actorName, event.actorEmployeeNumber) : event.actorId}
                </button>
              ) : null}
              {event.actorEmail ? <div className="audit-muted">{event.actorEmail}</div> : null}
            </td>
            <td>
              {auditActionLabel(event.action)}
              <div className="audit-muted">{event.action}</div>
            </td>
            <td>{auditTargetText(event)}</td>
            <td className="audit-detail">
              <AuditDetail event={event} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
