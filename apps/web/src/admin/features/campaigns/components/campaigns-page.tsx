import { Link, useParams } from 'react-router'
import { paths } from '../../../config/paths.ts'
import { ErrorAlert } from '../../../components/error-alert.tsx'
import { useSession } from '../../../lib/session.ts'
import { campaigns as t, common } from '../../../messages/ja.ts'
import { useCampaigns } from '../api/campaigns.ts'

/** 収集依頼 of one company: each opens its dashboard; 設定 opens the form. */
export function CampaignsPage() {
  const { companyId = '' } = useParams()
  const list = useCampaigns(companyId)
  const company = useSession().data?.companies.find((c) => c.id === companyId)

  return (
    <div className="admin-page">
      <div className="admin-page__head">
        <h1>{company ? t.titleOf(company.name) : t.title}</h1>
        <Link className="admin-button admin-button--primary" to={paths.newCampaign(companyId)}>
          {t.create}
        </Link>
      </div>
      <ErrorAlert error={list.error} />
      {list.isPending && <p role="status">{common.loading}</p>}
      {list.data?.campaigns.length === 0 && <p>{t.empty}</p>}
      {list.data && list.data.campaigns.length > 0 && (
        <table className="admin-table">
          <thead>
            <tr>
              <th scope="col">{t.name}</th>
              <th scope="col">{t.status}</th>
              <th scope="col">{t.deadline}</th>
              <th scope="col">{t.createdAt}</th>
              <th scope="col">{t.actions}</th>
            </tr>
          </thead>
          <tbody>
            {list.data.campaigns.map((campaign) => (
              <tr key={campaign.id}>
                <th scope="row">
                  <Link to={paths.campaign(campaign.id)}>{campaign.name}</Link>
                </th>
                <td>
                  <span className={`admin-badge admin-badge--${campaign.status}`}>{t.statuses[campaign.status]}</span>
                </td>
                <td>{campaign.deadline ? common.day(campaign.deadline) : common.none}</td>
                <td>{common.dateTime(campaign.createdAt)}</td>
                <td>
                  <Link to={paths.campaignSettings(campaign.id)} aria-label={`${campaign.name}：${t.settings}`}>
                    {t.settings}
                  </Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  )
}
