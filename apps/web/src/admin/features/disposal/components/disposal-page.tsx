import { Link, useParams } from 'react-router'
import { paths } from '../../../config/paths.ts'
import { ErrorAlert } from '../../../components/error-alert.tsx'
import { useCampaign } from '../../../lib/campaign.ts'
import { useDisposalPreview } from '../api/get-disposal-preview.ts'
import { disposalText } from '../messages.ts'
import { DisposalPreview } from './disposal-preview.tsx'
import { DisposeCampaign } from './dispose-campaign.tsx'
import { RetentionShortenings } from './retention-shortenings.tsx'
import { useAdministers } from '../../../lib/administers.ts'

const t = disposalText.page

/** /admin/campaigns/:campaignId/disposal — the retention dry run and campaign disposal (administrators). */
export function DisposalPage() {
  const { campaignId = '' } = useParams()
  const campaign = useCampaign(campaignId)
  const administers = useAdministers(campaign.data?.companyId)
  const preview = useDisposalPreview(campaignId)
  const back = (
    <p>
      <Link to={paths.campaign(campaignId)}>{t.back}</Link>
    </p>
  )
  if (!campaign.data) {
    return (
      <div className="admin-page">
        {back}
        {campaign.error ? <ErrorAlert error={campaign.error} /> : <p role="status">{disposalText.loading}</p>}
      </div>
    )
  }
  return (
    <div className="admin-page">
      {back}
      <h1>{t.title(campaign.data.name)}</h1>
      {!administers ? (
        <p className="admin-notice admin-notice--warning">{t.administratorsOnly}</p>
      ) : (
        <>
          {preview.data ? (
            <>
              <RetentionShortenings campaignId={campaignId} shortenings={preview.data.shortenings} />
              <DisposalPreview preview={preview.data} />
            </>
          ) : preview.error ? (
            <ErrorAlert error={preview.error} />
          ) : (
            <p role="status">{disposalText.loading}</p>
          )}
          <DisposeCampaign campaign={campaign.data} />
          <ul className="admin-links">
            <li>
              <Link to={paths.disposals(campaign.data.companyId)}>{t.records}</Link>
            </li>
            <li>
              <Link to={paths.handlingRecord(campaignId)}>{t.handlingRecord}</Link>
            </li>
            <li>
              <Link to={paths.disposalCertificate(campaignId)}>{t.disposalCertificate}</Link>
            </li>
          </ul>
        </>
      )}
    </div>
  )
}
