import { useNavigate, useParams } from 'react-router'
import { paths } from '../../../config/paths.ts'
import { campaigns as t, common } from '../../../messages/ja.ts'
import { useCreateCampaign } from '../api/create-campaign.ts'
import { CampaignForm } from './campaign-form.tsx'
import { NEW_CAMPAIGN } from './campaign-values.ts'

/** 収集依頼の作成 → its dashboard (where HR imports the employees next). */
export function NewCampaignPage() {
  const { companyId = '' } = useParams()
  const navigate = useNavigate()
  const create = useCreateCampaign(companyId)
  return (
    <div className="admin-page admin-page--narrow">
      <h1>{t.newTitle}</h1>
      <CampaignForm
        initial={NEW_CAMPAIGN}
        submitLabel={common.create}
        busy={create.isPending}
        error={create.error}
        onSubmit={(request) => create.mutate(request, { onSuccess: (campaign) => navigate(paths.campaign(campaign.id)) })}
      />
    </div>
  )
}
