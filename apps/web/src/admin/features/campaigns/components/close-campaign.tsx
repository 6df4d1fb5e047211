import type { Campaign } from '@bango/shared/admin-api'
import { useState } from 'react'
import { ErrorAlert } from '../../../components/error-alert.tsx'
import { campaigns as t, common } from '../../../messages/ja.ts'
import { useCloseCampaign } from '../api/close-campaign.ts'

/** 受付の終了, asked twice: it deletes every unfinished draft and cannot be undone. Administrators only (settings-policy). */
export function CloseCampaign({ campaign, administers }: { campaign: Campaign; administers: boolean }) {
  const close = useCloseCampaign(campaign.id)
  const [asking, setAsking] = useState(false)
  return (
    <section className="admin-section" aria-labelledby="campaign-close">
      <h2 id="campaign-close">{t.closeTitle}</h2>
      {campaign.closedAt ? (
        <p>{t.closed(common.dateTime(campaign.closedAt))}</p>
      ) : !administers ? (
        <p className="admin-hint">{t.closeAdministratorOnly}</p>
      ) : asking ? (
        <div className="admin-confirm" role="group" aria-labelledby="campaign-close-question">
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
    </section>
  )
}
