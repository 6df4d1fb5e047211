import { DISPOSAL_TRIGGER_LABELS, documentKindText } from '@bango/shared/admin-records'
import { personText } from '@bango/shared/audit-detail'
import { useParams } from 'react-router'
import { formatDateTime } from '../../../../lib/format.ts'
import { ErrorAlert } from '../../../components/error-alert.tsx'
import { useDisposalCertificate } from '../api/get-records.ts'
import { recordsText } from '../messages.ts'
import { RecordSheet } from './record-sheet.tsx'

const t = recordsText.certificate

/** /admin/campaigns/:campaignId/disposal-certificate — the campaign's 廃棄証明, printable on A4 (administrators). */
export function DisposalCertificatePage() {
  const { campaignId = '' } = useParams()
  const certificate = useDisposalCertificate(campaignId)
  if (!certificate.data) {
    return <div className="admin-page">{certificate.error ? <ErrorAlert error={certificate.error} /> : <p role="status">{recordsText.loading}</p>}</div>
  }
  const { entries, persons, totals } = certificate.data
  const c = t.columns
  const span = (from: string, to: string) => (from === to ? formatDateTime(from) : `${formatDateTime(from)} 〜 ${formatDateTime(to)}`)
  return (
    <RecordSheet title={t.title} head={certificate.data} rows={[[t.persons, t.totals(totals.persons, totals.images)]]}>
      <p>{t.intro}</p>
      {totals.withoutDocuments > 0 ? <p>{t.others(totals.withoutDocuments)}</p> : null}
      <h2>{t.entries}</h2>
      {entries.length === 0 ? (
        <p>{t.none}</p>
      ) : (
        <table className="records-table">
          <caption className="admin-visually-hidden">{t.entries}</caption>
          <thead>
            <tr>
              {[c.at, c.trigger, c.by, c.reason, c.persons, c.images, c.others].map((label) => (
                <th key={label} scope="col">
                  {label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {entries.map((entry) => (
              <tr key={`${entry.disposedFrom}-${entry.trigger}-${entry.reason}`}>
                <td>{span(entry.disposedFrom, entry.disposedTo)}</td>
                <td>{DISPOSAL_TRIGGER_LABELS[entry.trigger]}</td>
                <td>{entry.disposedBy ?? t.automatic}</td>
                <td>{entry.reason}</td>
                <td className="records-table__number">{entry.persons} 名</td>
                <td className="records-table__number">{entry.images} 枚</td>
                <td className="records-table__number">{entry.withoutDocuments} 名</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {persons.length > 0 ? (
        <>
          <h2>{t.persons}</h2>
          <table className="records-table">
            <caption className="admin-visually-hidden">{t.persons}</caption>
            <thead>
              <tr>
                {[c.name, c.relationship, c.kinds, c.images, c.at].map((label) => (
                  <th key={label} scope="col">
                    {label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {persons.map((person, index) => (
                <tr key={index}>
                  <td>{personText(person.name, person.employeeNumber)}</td>
                  <td>{person.relationship}</td>
                  <td>{person.documentKinds.map(documentKindText).join('、')}</td>
                  <td className="records-table__number">{person.imageCount} 枚</td>
                  <td>{formatDateTime(person.disposedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}
      <p className="records-sheet__signature">{t.signature}</p>
    </RecordSheet>
  )
}
