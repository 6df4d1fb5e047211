import { auditActionLabel } from '@bango/shared/admin-audit'
import { auditActorText, auditDetailText, auditTargetText } from '@bango/shared/audit-detail'
import { useParams } from 'react-router'
import { formatDateTime } from '../../../../lib/format.ts'
import { ErrorAlert } from '../../../components/error-alert.tsx'
import { useHandlingRecord } from '../api/get-records.ts'
import { recordsText } from '../messages.ts'
import { RecordSheet } from './record-sheet.tsx'

const t = recordsText.handling

/** /admin/campaigns/:campaignId/handling-record — the campaign's 取扱記録, printable on A4 (administrators). */
export function HandlingRecordPage() {
  const { campaignId = '' } = useParams()
  const record = useHandlingRecord(campaignId)
  if (!record.data) {
    return <div className="admin-page">{record.error ? <ErrorAlert error={record.error} /> : <p role="status">{recordsText.loading}</p>}</div>
  }
  const { events, from, to, truncated } = record.data
  const c = t.columns
  return (
    <RecordSheet
      title={t.title}
      head={record.data}
      rows={[[t.period, from && to ? `${formatDateTime(from)} 〜 ${formatDateTime(to)}（${t.count(events.length)}）` : t.none]]}
    >
      <p>{t.intro}</p>
      {truncated ? <p className="admin-notice admin-notice--warning">{t.truncated(events.length)}</p> : null}
      {events.length === 0 ? (
        <p>{t.none}</p>
      ) : (
        <table className="records-table">
          <caption className="admin-visually-hidden">{t.title}</caption>
          <thead>
            <tr>
              {[c.at, c.actor, c.action, c.target, c.detail].map((label) => (
                <th key={label} scope="col">
                  {label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {events.map((event) => (
              <tr key={event.id}>
                <td>{formatDateTime(event.at)}</td>
                <td>{auditActorText(event)}</td>
                <td>{auditActionLabel(event.action)}</td>
                <td>{auditTargetText(event)}</td>
                <td>{auditDetailText(event.detail, event.names)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </RecordSheet>
  )
}
