import type { Settings } from '@bango/shared/admin-api'
import { useState, type FormEvent } from 'react'
import { AllowedNetworksForm } from '../../../components/allowed-networks-form.tsx'
import { ErrorAlert, StatusNote } from '../../../components/error-alert.tsx'
import { common, networks, settings as t } from '../../../messages/ja.ts'
import { useNetworks, useUpdateNetworks } from '../api/networks.ts'
import { useSettings } from '../api/settings.ts'
import { useUpdateSettings } from '../api/update-settings.ts'

/** システム設定 (system administrators): 2FA for everyone, and where the console may be used from. */
export function SettingsPage() {
  const settings = useSettings()
  const list = useNetworks()
  const update = useUpdateNetworks()
  return (
    <div className="admin-page admin-page--narrow">
      <h1>{t.title}</h1>
      <ErrorAlert error={settings.error ?? list.error} />
      {(settings.isPending || list.isPending) && <p role="status">{common.loading}</p>}
      {settings.data && <SettingsForm initial={settings.data} />}
      {list.data && (
        <AllowedNetworksForm
          settings={list.data}
          title={networks.installationTitle}
          hint={networks.installationHint}
          onSave={(allowedNetworks) => update.mutate({ allowedNetworks })}
          pending={update.isPending}
          saved={update.isSuccess}
          error={update.error}
        />
      )}
    </div>
  )
}

function SettingsForm({ initial }: { initial: Settings }) {
  const [values, setValues] = useState(initial)
  const update = useUpdateSettings()
  const submit = (event: FormEvent) => {
    event.preventDefault()
    update.mutate(values)
  }
  return (
    <form className="admin-form" onSubmit={submit}>
      <ErrorAlert error={update.error} texts={{ CONFLICT: t.requireTotpNeedsOwn }} />
      <StatusNote text={update.isSuccess ? t.saved : null} />
      <div className="admin-check">
        <input
          id="require-totp"
          type="checkbox"
          checked={values.requireTotp}
          aria-describedby="require-totp-hint"
          onChange={(event) => setValues({ ...values, requireTotp: event.target.checked })}
        />
        <label htmlFor="require-totp">{t.requireTotp}</label>
      </div>
      <p className="admin-hint" id="require-totp-hint">
        {t.requireTotpHint}
      </p>
      <button type="submit" className="admin-button admin-button--primary" disabled={update.isPending}>
        {update.isPending ? common.saving : common.save}
      </button>
    </form>
  )
}
