import type { Campaign } from '@bango/shared/admin-api'
import { type FormEvent, useState } from 'react'
import { ErrorAlert, StatusNote } from '../../../components/error-alert.tsx'
import { useCampaignCounts } from '../../../lib/campaign-counts.ts'
import { campaigns as t, common } from '../../../messages/ja.ts'
import { useCloseCampaign } from '../api/close-campaign.ts'
import { useReopenCampaign } from '../api/reopen-campaign.ts'

/**
 * 受付の終了, asked twice with the counts of who can no longer send: it deletes every unfinished
 * draft. A closed campaign can be reopened with a new deadline until it is disposed of.
 * Administrators only (settings-policy).
 */
export function CloseCampaign({ campaign, administers }: { campaign: Campaign; administers: boolean }) {
  return (
    <section className="admin-section" aria-labelledby="campaign-close">
      <h2 id="campaign-close">{campaign.closedAt ? t.reopenTitle : t.closeTitle}</h2>
      {campaign.closedAt && <p>{t.closed(common.dateTime(campaign.closedAt))}</p>}
      {!administers ? (
        <p className="admin-hint">{campaign.closedAt ? t.reopenAdministratorOnly : t.closeAdministratorOnly}</p>
      ) : campaign.closedAt ? (
        <ReopenForm campaignId={campaign.id} />
      ) : (
        <CloseButton campaignId={campaign.id} />
      )}
    </section>
  )
}

function CloseButton({ campaignId }: { campaignId: string }) {
  const close = useCloseCampaign(campaignId)
  const counts = useCampaignCounts(campaignId)
  const [asking, setAsking] = useState(false)
  const data = counts.data
  return (
    <>
      {asking ? (
        <div className="admin-confirm" role="group" aria-labelledby="campaign-close-question">
          {data && (
            <p>
              {t.closeCounts({
                total: data.total,
                submitted: data.counts.submitted + data.counts.approved,
                returned: data.counts.returned,
                unfinished: data.counts.unissued + data.counts.issued + data.counts.logged_in + data.counts.consented + data.counts.in_progress,
              })}
            </p>
          )}
          <p id="campaign-close-question">{t.closeConfirm}</p>
          <button
            type="button"
            className="admin-button admin-button--danger"
            disabled={close.isPending}
            onClick={() => close.mutate(undefined, { onSettled: () => setAsking(false) })}
          >
            {t.closeYes}
          </button>
          <button type="button" className="admin-button" onClick={() => setAsking(false)}>
            {common.cancel}
          </button>
        </div>
      ) : (
        <button type="button" className="admin-button admin-button--danger" onClick={() => setAsking(true)}>
          {t.close}
        </button>
      )}
      <ErrorAlert error={close.error} />
    </>
  )
}

function ReopenForm({ campaignId }: { campaignId: string }) {
  const reopen = useReopenCampaign(campaignId)
  const [deadline, setDeadline] = useState('')
  const submit = (event: FormEvent) => {
    event.preventDefault()
    reopen.mutate({ deadline: deadline === '' ? null : deadline })
  }
  return (
    <form className="admin-form" onSubmit={submit} noValidate>
      <p className="admin-hint">{t.reopenNote}</p>
      <div className="admin-field">
        <label htmlFor="reopen-deadline">{t.reopenDeadline}</label>
        <input id="reopen-deadline" type="date" value={deadline} onChange={(event) => setDeadline(event.target.value)} />
      </div>
      <button type="submit" className="admin-button" disabled={reopen.isPending}>
        {t.reopen}
      </button>
      <StatusNote text={reopen.isSuccess ? t.reopened : null} />
      <ErrorAlert error={reopen.error} />
    </form>
  )
}
