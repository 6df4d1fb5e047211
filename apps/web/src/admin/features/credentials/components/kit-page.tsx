import { Link, useParams } from 'react-router'
import { paths } from '../../../config/paths.ts'
import { useReportExport } from '../api/report-export.ts'
import { credentialsText } from '../messages.ts'
import { useIssuedFor } from '../stores/issued-credentials.ts'
import { KitSheet } from './kit-sheet.tsx'
import './kit.css'

const t = credentialsText.kit

/** The postal kit of the last issue (from memory only): one A4 page per employee, then window.print(). */
export function KitPage() {
  const { campaignId = '' } = useParams()
  const issued = useIssuedFor(campaignId)
  const report = useReportExport(campaignId)

  if (!issued || issued.credentials.length === 0) {
    return (
      <div className="admin-page">
        <h1>{t.title}</h1>
        <p role="status">{t.empty}</p>
        <Link to={paths.campaignCredentials(campaignId)}>{t.back}</Link>
      </div>
    )
  }

  const print = () => {
    report.mutate({ format: 'postal_kit', employeeIds: issued.credentials.map((credential) => credential.employeeId) })
    window.print()
  }

  return (
    <div className="admin-page kit">
      <div className="kit__controls">
        <h1>{t.title}</h1>
        <p>{t.intro(issued.credentials.length)}</p>
        <button type="button" className="admin-button admin-button--primary" onClick={print}>
          {t.print}
        </button>{' '}
        <Link to={paths.campaignCredentials(campaignId)}>{t.back}</Link>
        {report.isError && (
          <p className="admin-notice admin-notice--error" role="alert">
            {credentialsText.exportFailed}
          </p>
        )}
      </div>
      {issued.credentials.map((credential) => (
        <KitSheet key={credential.employeeId} credential={credential} campaign={issued} />
      ))}
    </div>
  )
}
