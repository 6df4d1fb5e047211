import type { EmployeeDetailResponse } from '@bango/shared/admin-dashboard'
import { disposeRequestSchema } from '@bango/shared/admin-disposal'
import { useState } from 'react'
import { ErrorAlert, StatusNote } from '../../../components/error-alert.tsx'
import { useSession } from '../../../lib/session.ts'
import { common } from '../../../messages/ja.ts'
import { useCampaign } from '../../../lib/campaign.ts'
import { useDisposePerson } from '../api/dispose-person.ts'
import { dashboardText } from '../messages.ts'

const t = dashboardText.employee

/** Per-person 廃棄 (administrators, after 完了): pick the person, give a reason, confirm. */
export function DisposePerson({ campaignId, detail }: { campaignId: string; detail: EmployeeDetailResponse }) {
  const session = useSession().data
  const campaign = useCampaign(campaignId).data
  const dispose = useDisposePerson(campaignId, detail.employee.id)
  const [target, setTarget] = useState<string | null>(null)
  const [reason, setReason] = useState('')
  const administers =
    !!session && !!campaign && (session.operator.isSystemAdmin || session.companies.some((c) => c.id === campaign.companyId && c.role === 'administrator'))
  const candidates = detail.persons.filter((p) => !p.disposedAt)
  if (!administers || candidates.length === 0 || (!detail.employee.submittedAt && campaign?.status === 'open')) return null
  const chosen = candidates.find((p) => p.id === target)
  const valid = disposeRequestSchema.safeParse({ reason }).success

  return (
    <section aria-labelledby="employee-dispose" className="admin-section">
      <h2 id="employee-dispose">{t.disposeTitle}</h2>
      <p className="admin-hint">{t.disposeNote}</p>
      {chosen ? (
        <div className="admin-confirm" role="group" aria-labelledby="employee-dispose-question">
          <p id="employee-dispose-question">{t.dispose(chosen.name)}</p>
          <div className="admin-field">
            <label htmlFor="employee-dispose-reason">{t.disposeReason}</label>
            <input id="employee-dispose-reason" value={reason} maxLength={200} onChange={(event) => setReason(event.target.value)} />
          </div>
          <div className="admin-actions">
            <button
              type="button"
              className="admin-button admin-button--danger"
              disabled={!valid || dispose.isPending}
              onClick={() => dispose.mutate({ personId: chosen.id, reason: reason.trim() }, { onSuccess: () => setTarget(null) })}
            >
              {t.disposeYes}
            </button>
            <button type="button" className="admin-button" onClick={() => setTarget(null)}>
              {common.cancel}
            </button>
          </div>
        </div>
      ) : (
        <div className="admin-actions">
          {candidates.map((person) => (
            <button key={person.id} type="button" className="admin-button admin-button--danger" onClick={() => setTarget(person.id)}>
              {t.disposeButton(person.name, person.relationship)}
            </button>
          ))}
        </div>
      )}
      <StatusNote text={dispose.data ? t.disposed_(dispose.data.persons, dispose.data.images) : null} />
      <ErrorAlert error={dispose.error} />
    </section>
  )
}
