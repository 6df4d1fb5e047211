import { useParams } from 'react-router'
import { AllowedNetworksForm } from '../../../components/allowed-networks-form.tsx'
import { ErrorAlert } from '../../../components/error-alert.tsx'
import { useSession } from '../../../lib/session.ts'
import { common, companySettings as t, networks } from '../../../messages/ja.ts'
import { useCompanySettings, useUpdateCompanySettings } from '../api/company-settings.ts'
import { NumberRecordingForm } from './number-recording-form.tsx'

/** 会社の設定 (the company's administrators, or a system administrator): where its data may be reached from, and how numbers are recorded. */
export function CompanySettingsPage() {
  const { companyId = '' } = useParams()
  const company = useSession().data?.companies.find((c) => c.id === companyId)
  const settings = useCompanySettings(companyId)
  const update = useUpdateCompanySettings(companyId)
  return (
    <div className="admin-page admin-page--narrow">
      <h1>{company ? t.titleOf(company.name) : t.title}</h1>
      <ErrorAlert error={settings.error} />
      {settings.isPending && <p role="status">{common.loading}</p>}
      {settings.data && (
        <AllowedNetworksForm
          settings={settings.data}
          title={networks.companyTitle}
          hint={networks.companyHint}
          onSave={(allowedNetworks) => update.mutate({ allowedNetworks })}
          pending={update.isPending}
          saved={update.isSuccess}
          error={update.error}
        />
      )}
      {settings.data && <NumberRecordingForm companyId={companyId} settings={settings.data} />}
    </div>
  )
}
