import type { EmployeeDetailResponse } from '@bango/shared/admin-dashboard'
import { japanToday, latestLeftOn } from '@bango/shared/admin-leaving-date'
import { roleForLeftOnChange } from '@bango/shared/settings-policy'
import { useState } from 'react'
import { formatDate } from '../../../../lib/format.ts'
import { ErrorAlert, StatusNote } from '../../../components/error-alert.tsx'
import { Facts } from '../../../components/facts.tsx'
import { Field } from '../../../components/field.tsx'
import { useSession } from '../../../lib/session.ts'
import { useCampaign } from '../../../lib/campaign.ts'
import { useRecordLeftOn } from '../api/record-left-on.ts'
import { dashboardText } from '../messages.ts'

const t = dashboardText.leavingDate

/**
 * 退職日 (ADR 049): the date recorded, when the household's retention ends with it, and recording,
 * moving or clearing it. Operators record one or move it later; earlier or none is the
 * administrator's (settings-policy.ts) — the form offers only what the role may, the server decides.
 */
export function LeavingDate({ campaignId, detail }: { campaignId: string; detail: EmployeeDetailResponse }) {
  const { employee } = detail
  const session = useSession().data
  const campaign = useCampaign(campaignId).data
  const record = useRecordLeftOn(campaignId, employee.id)
  const [value, setValue] = useState(employee.leftOn ?? '')
  const administers =
    !!session && !!campaign && (session.operator.isSystemAdmin || session.companies.some((c) => c.id === campaign.companyId && c.role === 'administrator'))
  // A disposed employee's date went with their data: nothing is kept any more.
  if (detail.persons.some((p) => p.kind === 'employee' && p.disposedAt !== null)) return null
  const today = japanToday(new Date())
  const allowed = value !== '' && value !== employee.leftOn && (administers || roleForLeftOnChange(employee.leftOn, value) === 'operator')

  return (
    <section aria-labelledby="employee-leaving-date" className="admin-section">
      <h2 id="employee-leaving-date">{t.title}</h2>
      <div className="admin-form">
        <p className="admin-hint">{t.note}</p>
        <Facts
          facts={[
            [t.current, employee.leftOn ? `${formatDate(employee.leftOn)}${employee.leftOn > today ? t.plannedMark : ''}` : t.none],
            [t.retentionEndsAt, employee.retentionEndsAt ? formatDate(employee.retentionEndsAt) : t.notYet],
          ]}
        />
        <form
          className="admin-form"
          onSubmit={(event) => {
            event.preventDefault()
            if (allowed) record.mutate(value)
          }}
        >
          <Field
            name="leftOn"
            label={t.field}
            type="date"
            value={value}
            onChange={setValue}
            min={administers ? undefined : (employee.leftOn ?? undefined)}
            max={latestLeftOn(today)}
            hint={administers ? undefined : t.operatorOnlyLater}
          />
          {value > today && value !== employee.leftOn && <p className="admin-notice admin-notice--warning">{t.planned}</p>}
          <div className="admin-actions">
            <button type="submit" className="admin-button admin-button--primary" disabled={!allowed || record.isPending}>
              {t.save}
            </button>
            {administers && employee.leftOn && (
              <button type="button" className="admin-button" disabled={record.isPending} onClick={() => record.mutate(null, { onSuccess: () => setValue('') })}>
                {t.clear}
              </button>
            )}
          </div>
        </form>
      </div>
      <StatusNote text={record.isSuccess ? (record.variables === null ? t.cleared : t.saved) : null} />
      <ErrorAlert error={record.error} />
    </section>
  )
}
