import { Link, useParams } from 'react-router'
import { paths } from '../../../config/paths.ts'
import { ErrorAlert, StatusNote } from '../../../components/error-alert.tsx'
import { campaigns as t, common } from '../../../messages/ja.ts'
import { useCampaign } from '../../../lib/campaign.ts'
import { useAdministers } from '../../../lib/administers.ts'
import { useUpdateCampaign } from '../api/update-campaign.ts'
import { CampaignForm } from './campaign-form.tsx'
import { valuesOf } from './campaign-values.ts'
import { CloseCampaign } from './close-campaign.tsx'

/** A campaign's settings (editable while open) and the way to close it. */
export function CampaignSettingsPage() {
  const { campaignId = '' } = useParams()
  const campaign = useCampaign(campaignId)
  const update = useUpdateCampaign(campaignId)
  const administers = useAdministers(campaign.data?.companyId)

  if (campaign.isPending) return <p role="status">{common.loading}</p>
  if (campaign.isError) return <ErrorAlert error={campaign.error} />
  const closed = campaign.data.status === 'closed'
  return (
    <div className="admin-page admin-page--narrow">
      <p>
        <Link to={paths.campaign(campaignId)}>{campaign.data.name}</Link>
      </p>
      <h1>{t.editTitle(campaign.data.name)}</h1>
      <StatusNote text={update.isSuccess ? t.saved : null} />
      <p className="admin-hint">{closed ? t.closedNote : t.purposesChangedNote}</p>
      <CampaignForm
        // A new record (after saving or closing) starts the form over from it.
        key={`${campaign.data.status}:${campaign.dataUpdatedAt}`}
        initial={valuesOf(campaign.data)}
        submitLabel={common.save}
        readOnly={closed}
        editingAs={administers ? 'administrator' : 'operator'}
        busy={update.isPending}
        error={update.error}
        onSubmit={(request) => update.mutate(request)}
      />
      <CloseCampaign campaign={campaign.data} administers={administers} />
    </div>
  )
}
