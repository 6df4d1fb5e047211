import { useState } from 'react'
import { Link, useParams } from 'react-router'
import { paths } from '../../../config/paths.ts'
import { useReportExport } from '../api/report-export.ts'
import { credentialsText } from '../messages.ts'
import { useIssuedFor } from '../stores/issued-credentials.ts'
import { KitSheet } from './kit-sheet.tsx'
import './kit.css'

const t = credentialsText.kit

/**
 * The postal kit of the last issue (from memory only): one A4 page per employee, then
 * window.print(). Where some have an e-mail address and some not, only those without one are
 * printed unless HR chooses everyone: the others can be mailed.
 */
export function KitPage() {
  const { campaignId = '' } = useParams()
  const issued = useIssuedFor(campaignId)
  const report = useReportExport(campaignId)
  const withoutEmail = issued?.credentials.filter((credential) => !credential.email) ?? []
  const mixed = withoutEmail.length > 0 && withoutEmail.length < (issued?.credentials.length ?? 0)
  const [everyone, setEveryone] = useState(false)

  if (!issued || issued.credentials.length === 0) {
    return (
      <div className="admin-page">
        <h1>{t.title}</h1>
        <p role="status">{t.empty}</p>
        <Link to={paths.campaignCredentials(campaignId)}>{t.back}</Link>
      </div>
    )
  }

  const printed = mixed && !everyone ? withoutEmail : issued.credentials
  const print = () => {
    report.mutate({ format: 'postal_kit', employeeIds: printed.map((credential) => credential.employeeId) })
    window.print()
  }

  return (
    <div className="admin-page kit">
      <div className="kit__controls admin-no-print">
        <h1>{t.title}</h1>
        {mixed && (
          <fieldset className="admin-fieldset">
            <legend>{t.who}</legend>
            <label className="admin-check">
              <input type="radio" name="kit-who" checked={!everyone} onChange={() => setEveryone(false)} />
              {t.withoutEmail(withoutEmail.length)}
            </label>
            <label className="admin-check">
              <input type="radio" name="kit-who" checked={everyone} onChange={() => setEveryone(true)} />
              {t.everyone(issued.credentials.length)}
            </label>
            {!everyone && <p className="admin-hint">{t.withoutEmailNote}</p>}
          </fieldset>
        )}
        <p>{t.intro(printed.length)}</p>
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
      {printed.map((credential) => (
        <KitSheet key={credential.employeeId} credential={credential} campaign={issued} />
      ))}
    </div>
  )
}
