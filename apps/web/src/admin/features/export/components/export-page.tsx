import { Link, useParams } from 'react-router'
import { paths } from '../../../config/paths.ts'
import { ErrorAlert } from '../../../components/error-alert.tsx'
import { exportUrls } from '../api/export-urls.ts'
import { useCampaign } from '../api/get-campaign.ts'
import { exportText as t } from '../messages.ts'
import { useCanExport } from './can-export.ts'

/** /admin/campaigns/:campaignId/export — payroll CSV and documents ZIP, for those allowed to export. */
export function ExportPage() {
  const { campaignId = '' } = useParams()
  const campaign = useCampaign(campaignId)
  const allowed = useCanExport(campaign.data?.companyId)
  const back = (
    <p>
      <Link to={paths.campaign(campaignId)}>{t.back}</Link>
    </p>
  )
  if (!campaign.data) {
    return (
      <div className="admin-page">
        {back}
        {campaign.error ? <ErrorAlert error={campaign.error} /> : <p role="status">{t.loading}</p>}
      </div>
    )
  }
  return (
    <div className="admin-page">
      {back}
      <h1>{t.title(campaign.data.name)}</h1>
      {!allowed ? (
        <p className="admin-notice admin-notice--warning">{t.notAllowed}</p>
      ) : (
        <>
          <p>{t.intro}</p>
          <section aria-labelledby="export-csv" className="admin-section">
            <h2 id="export-csv">{t.csvTitle}</h2>
            <div className="admin-actions">
              <a className="admin-button" href={exportUrls.payrollCsv(campaignId, 'utf-8')} download>
                {t.csvUtf8}
              </a>
              <a className="admin-button" href={exportUrls.payrollCsv(campaignId, 'shift_jis')} download>
                {t.csvSjis}
              </a>
            </div>
            <p className="admin-hint">{t.csvHint}</p>
          </section>
          <section aria-labelledby="export-zip" className="admin-section">
            <h2 id="export-zip">{t.zipTitle}</h2>
            <div className="admin-actions">
              <a className="admin-button" href={exportUrls.documentsZip(campaignId)} download>
                {t.zip}
              </a>
            </div>
            <p className="admin-hint">{t.zipHint}</p>
          </section>
        </>
      )}
    </div>
  )
}
