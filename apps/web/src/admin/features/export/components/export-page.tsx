import { Link, useParams } from 'react-router'
import { paths } from '../../../config/paths.ts'
import { ErrorAlert } from '../../../components/error-alert.tsx'
import { useExportSummary } from '../api/export-summary.ts'
import { exportUrls } from '../api/export-urls.ts'
import { useCampaign } from '../../../lib/campaign.ts'
import { usePayrollLayout } from '../api/payroll-layout.ts'
import { exportText as t } from '../messages.ts'
import { useCanExport } from './can-export.ts'
import { ExportSummarySection } from './export-summary.tsx'
import { PayrollLayoutForm } from './payroll-layout-form.tsx'

/**
 * /admin/campaigns/:campaignId/export — for those allowed to export: who the payroll file holds
 * and why the others are not in it, the file as Excel or CSV in the company's column layout, the
 * layout itself, and the documents ZIP.
 */
export function ExportPage() {
  const { campaignId = '' } = useParams()
  const campaign = useCampaign(campaignId)
  const companyId = campaign.data?.companyId
  const allowed = useCanExport(companyId)
  const summary = useExportSummary(campaignId, allowed)
  const layout = usePayrollLayout(companyId, allowed)
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
          {summary.data ? <ExportSummarySection summary={summary.data} /> : <ErrorAlert error={summary.error} />}
          <section aria-labelledby="export-payroll" className="admin-section">
            <h2 id="export-payroll">{t.payrollTitle}</h2>
            <div className="admin-actions">
              <a className="admin-button admin-button--primary" href={exportUrls.payrollXlsx(campaignId)} download>
                {t.xlsx}
              </a>
              <a className="admin-button" href={exportUrls.payrollCsv(campaignId, 'utf-8')} download>
                {t.csvUtf8}
              </a>
              <a className="admin-button" href={exportUrls.payrollCsv(campaignId, 'shift_jis')} download>
                {t.csvSjis}
              </a>
            </div>
            <p className="admin-hint">{t.payrollHint}</p>
            <p className="admin-hint">{t.xlsxHint}</p>
            <p className="admin-hint">{t.csvHint}</p>
          </section>
          {layout.data && companyId ? <PayrollLayoutForm companyId={companyId} saved={layout.data} /> : <ErrorAlert error={layout.error} />}
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
