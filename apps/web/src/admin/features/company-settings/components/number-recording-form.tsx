import type { CompanySettings } from '@bango/shared/admin-networks'
import { useState } from 'react'
import { ErrorAlert, StatusNote } from '../../../components/error-alert.tsx'
import { common, companySettings as t } from '../../../messages/ja.ts'
import { useUpdateCompanySettings } from '../api/company-settings.ts'

/**
 * How the company records a number (ADR 043): a second operator always types it (the default),
 * or a number two independent sources agree on is recorded on one operator's confirmation.
 */
export function NumberRecordingForm({ companyId, settings }: { companyId: string; settings: CompanySettings }) {
  const update = useUpdateCompanySettings(companyId)
  const [accept, setAccept] = useState(settings.acceptNumberAgreement)
  return (
    <section aria-labelledby="number-recording" className="admin-section">
      <h2 id="number-recording">{t.numberRecordingTitle}</h2>
      <p>{t.numberRecordingIntro}</p>
      <label className="admin-check">
        <input type="checkbox" checked={accept} onChange={(event) => setAccept(event.target.checked)} />
        {t.acceptNumberAgreement}
      </label>
      <p className="admin-hint">{t.acceptNumberAgreementHint}</p>
      <button
        type="button"
        className="admin-button admin-button--primary"
        onClick={() => update.mutate({ allowedNetworks: settings.allowedNetworks, acceptNumberAgreement: accept })}
        disabled={update.isPending || accept === settings.acceptNumberAgreement}
      >
        {update.isPending ? common.saving : common.save}
      </button>
      <StatusNote text={update.isSuccess ? t.saved : null} />
      <ErrorAlert error={update.error} />
    </section>
  )
}
