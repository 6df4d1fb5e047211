import { useState } from 'react'
import { Link, useParams } from 'react-router'
import { paths } from '../../../config/paths.ts'
import { useSession } from '../../../lib/session.ts'
import { useCampaign } from '../../../lib/campaign.ts'
import { useCampaignCounts } from '../../../lib/campaign-counts.ts'
import { statusesCsvHref, useEmployees } from '../api/list-employees.ts'
import { dashboardText as t } from '../messages.ts'
import { useListQuery } from '../utils/use-list-query.ts'
import { EmployeeFilters } from './employee-filters.tsx'
import { EmployeeTable } from './employee-table.tsx'
import { FirstSteps } from './first-steps.tsx'
import { Pagination } from './pagination.tsx'
import { StatusSummary } from './status-summary.tsx'
import './dashboard.css'
import { ErrorAlert } from '../../../components/error-alert.tsx'
import { Facts } from '../../../components/facts.tsx'
import { formatDate } from '../../../../lib/format.ts'

/** A campaign's home: counts by status, then its employees (search, filter, sort, pages in the URL). */
export function DashboardPage() {
  const { campaignId = '' } = useParams()
  const campaign = useCampaign(campaignId)
  const dashboard = useCampaignCounts(campaignId)
  const { query, update } = useListQuery()
  const employees = useEmployees(campaignId, query)
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set())
  const session = useSession().data
  // 出力 is for administrators and operators allowed to export (the API checks too).
  const canExport = session?.operator.isSystemAdmin || session?.companies.some((c) => c.id === campaign.data?.companyId && c.canExport)

  const toggle = (ids: readonly string[], on: boolean) =>
    setSelected((current) => {
      const next = new Set(current)
      for (const id of ids) {
        if (on) next.add(id)
        else next.delete(id)
      }
      return next
    })
  const failure = campaign.error ?? dashboard.error ?? employees.error

  return (
    <div className="admin-page">
      <h1>{campaign.data?.name ?? t.titleFallback}</h1>
      {campaign.data && (
        <Facts
          facts={[
            [t.deadline, campaign.data.deadline ? formatDate(campaign.data.deadline) : t.noDeadline],
            [t.contact, campaign.data.contact ?? t.noContact],
          ]}
        />
      )}
      <ul className="admin-links">
        <li>
          <Link to={paths.reviewQueue(campaignId)}>{t.links.review}</Link>
        </li>
        <li>
          <Link to={paths.campaignImport(campaignId)}>{t.links.import}</Link>
        </li>
        <li>
          <Link to={paths.campaignCredentials(campaignId)}>{t.links.credentials}</Link>
        </li>
        <li>
          <Link to={paths.campaignSettings(campaignId)}>{t.links.settings}</Link>
        </li>
        <li>
          <Link to={paths.campaignDisposal(campaignId)}>{t.links.disposal}</Link>
        </li>
        {canExport && (
          <li>
            <Link to={paths.campaignExport(campaignId)}>{t.links.export}</Link>
          </li>
        )}
      </ul>
      <ErrorAlert error={failure} />
      {dashboard.data && <FirstSteps campaignId={campaignId} dashboard={dashboard.data} />}
      {dashboard.data && <StatusSummary dashboard={dashboard.data} active={query.status} onSelect={(status) => update({ status })} />}

      <section aria-labelledby="list-title" className="admin-section">
        <h2 id="list-title">{t.listTitle}</h2>
        <EmployeeFilters query={query} onChange={update} />
        <p>
          <a className="admin-button" href={statusesCsvHref(campaignId, query)} download>
            {t.statusesCsv}
          </a>
        </p>
        {selected.size > 0 && (
          <div className="admin-actions" role="group" aria-label={t.selected(selected.size)}>
            <p role="status">{t.selected(selected.size)}</p>
            <Link className="admin-button" to={paths.campaignCredentials(campaignId, [...selected])}>
              {t.reissueSelected}
            </Link>
            <button type="button" className="admin-button" onClick={() => setSelected(new Set())}>
              {t.clearSelection}
            </button>
          </div>
        )}
        {employees.isPending && <p role="status">{t.loading}</p>}
        {employees.data && (
          <>
            <EmployeeTable campaignId={campaignId} rows={employees.data.rows} query={query} onChange={update} selected={selected} onToggle={toggle} />
            <Pagination page={employees.data.page} pageSize={employees.data.pageSize} total={employees.data.total} onChange={update} />
          </>
        )}
      </section>
    </div>
  )
}
