import { useState } from 'react'
import { Link, useLocation } from 'react-router'
import { paths } from '../../../config/paths.ts'
import { StatusNote } from '../../../components/error-alert.tsx'
import { account as t, common } from '../../../messages/ja.ts'
import { useDisableTotp } from '../api/disable-totp.ts'
import { useSession } from '../../../lib/session.ts'
import { Facts } from '../../../components/facts.tsx'
import { TotpDisableForm } from './totp-disable-form.tsx'

/** アカウント: who is signed in, 2FA on/off, the way to a new password. */
export function AccountPage() {
  const session = useSession()
  const disable = useDisableTotp()
  const [asking, setAsking] = useState(false)
  // A note handed over by the enrolment or password screen on its way back here.
  const note = (useLocation().state as { note?: string } | null)?.note ?? null
  const operator = session.data?.operator
  if (!operator || !session.data) return null

  return (
    <div className="admin-page">
      <h1>{t.title}</h1>
      <StatusNote text={note} />
      <Facts
        facts={[
          [t.name, operator.name],
          [t.email, operator.email],
        ]}
      />
      <p className="admin-hint">{t.expiresAt(common.dateTime(session.data.expiresAt))}</p>
      <section className="admin-section" aria-labelledby="account-totp">
        <h2 id="account-totp">{t.totpTitle}</h2>
        <p>{operator.totpEnabled ? t.totpOn : t.totpOff}</p>
        <StatusNote text={disable.isSuccess ? t.totpDisabled : null} />
        {!operator.totpEnabled && (
          <Link className="admin-button" to={paths.accountEnrolment()}>
            {t.totpEnable}
          </Link>
        )}
        {operator.totpEnabled && !asking && (
          <button type="button" className="admin-button" onClick={() => setAsking(true)}>
            {t.totpDisable}
          </button>
        )}
        {operator.totpEnabled && asking && (
          <TotpDisableForm
            busy={disable.isPending}
            error={disable.error}
            onSubmit={(request) => disable.mutate(request, { onSuccess: () => setAsking(false) })}
            onCancel={() => setAsking(false)}
          />
        )}
      </section>
      <section className="admin-section" aria-labelledby="account-password">
        <h2 id="account-password">{t.passwordTitle}</h2>
        <Link className="admin-button" to={paths.accountPassword()}>
          {t.passwordChange}
        </Link>
      </section>
    </div>
  )
}
