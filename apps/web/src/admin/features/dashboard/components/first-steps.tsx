import type { DashboardResponse } from '@bango/shared/admin-dashboard'
import { Link } from 'react-router'
import { paths } from '../../../config/paths.ts'
import { dashboardText } from '../messages.ts'

const t = dashboardText.firstSteps

/**
 * Until every employee has a login: the three steps of a new campaign in order (import → issue →
 * send or print), the one to do next marked. Gone once nobody is left 未発行.
 */
export function FirstSteps({ campaignId, dashboard }: { campaignId: string; dashboard: DashboardResponse }) {
  const next = dashboard.total === 0 ? 0 : dashboard.counts.unissued > 0 ? 1 : null
  if (next === null) return null
  const steps = [
    { to: paths.campaignImport(campaignId), label: t.import, note: t.importNote },
    { to: paths.campaignCredentials(campaignId), label: t.issue, note: t.issueNote(dashboard.counts.unissued) },
    { to: paths.campaignCredentials(campaignId), label: t.send, note: t.sendNote },
  ]
  return (
    <section className="admin-section" aria-labelledby="first-steps">
      <h2 id="first-steps">{t.title}</h2>
      <ol className="first-steps">
        {steps.map((step, index) => (
          <li key={step.label} aria-current={index === next ? 'step' : undefined}>
            {index === next ? <Link to={step.to}>{step.label}</Link> : <span>{step.label}</span>}
            <span className="admin-hint">{step.note}</span>
          </li>
        ))}
      </ol>
    </section>
  )
}
