import type { Campaign } from '@bango/shared/admin-api'
import { disposeRequestSchema } from '@bango/shared/admin-disposal'
import { type FormEvent, useState } from 'react'
import { ErrorAlert, StatusNote } from '../../../components/error-alert.tsx'
import { useCampaignCounts } from '../../../lib/campaign-counts.ts'
import { useDisposeCampaign } from '../api/dispose-campaign.ts'
import { disposalText } from '../messages.ts'

const t = disposalText.page

/**
 * 収集依頼の書類をすべて廃棄: irreversible, so the administrator types the campaign's name and a
 * reason (kept in the records) before the button does anything. A closed campaign only.
 */
export function DisposeCampaign({ campaign }: { campaign: Campaign }) {
  const dispose = useDisposeCampaign(campaign.id, campaign.companyId)
  const counts = useCampaignCounts(campaign.id)
  const [reason, setReason] = useState('')
  const [typedName, setTypedName] = useState('')
  const ready = disposeRequestSchema.safeParse({ reason }).success && typedName.trim() === campaign.name

  const submit = (event: FormEvent) => {
    event.preventDefault()
    if (ready) dispose.mutate(reason.trim())
  }

  return (
    <section className="admin-section" aria-labelledby="dispose-campaign">
      <h2 id="dispose-campaign">{t.allTitle}</h2>
      {campaign.status === 'open' ? (
        <p className="admin-notice admin-notice--warning">{t.openNote}</p>
      ) : (
        <form className="admin-form" onSubmit={submit} noValidate>
          <p className="admin-notice admin-notice--warning">{t.allNote}</p>
          {counts.data && <p>{t.allCounts(counts.data.total, counts.data.counts.submitted + counts.data.counts.returned + counts.data.counts.approved)}</p>}
          <div className="admin-field">
            <label htmlFor="dispose-reason">{t.reason}</label>
            <input
              id="dispose-reason"
              value={reason}
              maxLength={200}
              aria-describedby="dispose-reason-hint"
              onChange={(event) => setReason(event.target.value)}
            />
            <p className="admin-hint" id="dispose-reason-hint">
              {t.reasonHint}
            </p>
          </div>
          <div className="admin-field">
            <label htmlFor="dispose-confirm">{t.confirm(campaign.name)}</label>
            <input id="dispose-confirm" value={typedName} autoComplete="off" onChange={(event) => setTypedName(event.target.value)} />
          </div>
          <button type="submit" className="admin-button admin-button--danger" disabled={!ready || dispose.isPending}>
            {t.submit}
          </button>
        </form>
      )}
      <StatusNote text={dispose.data ? t.done(dispose.data.persons, dispose.data.images) : null} />
      <ErrorAlert error={dispose.error} />
    </section>
  )
}
