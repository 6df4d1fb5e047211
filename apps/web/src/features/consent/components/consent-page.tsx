import { purposesIn } from '@bango/shared/purposes'
import { useState } from 'react'
import { Navigate, useNavigate } from 'react-router'
import { paths } from '../../../config/paths.ts'
import { ErrorMessage } from '../../../components/error-message.tsx'
import { ApiError } from '../../../lib/api-client.ts'
import { getMe } from '../../../lib/employee-api.ts'
import { formatDate } from '../../../lib/format.ts'
import { useMeStore } from '../../../lib/me-store.ts'
import { useT } from '../../../lib/use-t.ts'
import { postConsent } from '../api/consent.ts'

/**
 * 個人番号の利用目的 → 「同意します」, in the language shown: a purpose nothing words in it is shown in
 * Japanese with a note saying so, and the consent sends the texts as shown with the language (ADR 050).
 */
export function ConsentPage() {
  const { t, language } = useT()
  const me = useMeStore((s) => s.me)
  const navigate = useNavigate()
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  if (!me) return null
  if (me.consentedAt) return <Navigate to={paths.targets()} replace />
  const purposes = purposesIn(me.campaign.purposes, me.campaign.purposeTranslations, language)

  const agree = async () => {
    setBusy(true)
    setError(null)
    try {
      const { consentedAt } = await postConsent(
        purposes.map((purpose) => purpose.text),
        language,
      )
      useMeStore.getState().update({ consentedAt })
      navigate(paths.targets(), { replace: true })
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : t('common.unexpectedError'))
      // PURPOSES_CHANGED: HR edited the campaign meanwhile; show the current purposes.
      if (caught instanceof ApiError && caught.code === 'PURPOSES_CHANGED') {
        getMe().then(
          (fresh) => useMeStore.getState().setMe(fresh),
          () => undefined,
        )
      }
      setBusy(false)
    }
  }

  return (
    <main className="page">
      <p className="eyebrow">
        {me.companyName}　{me.campaign.name}
      </p>
      <h1>{t('consent.purposesTitle')}</h1>
      <p>{t('consent.intro')}</p>
      <ol className="card purposes">
        {purposes.map((purpose, index) =>
          purpose.translated ? (
            <li key={index}>{purpose.text}</li>
          ) : (
            <li key={index}>
              <span lang="ja">{purpose.text}</span>
              <span className="hint purposes__untranslated">{t('consent.untranslated')}</span>
            </li>
          ),
        )}
      </ol>
      {me.campaign.deadline && <p>{t('consent.deadline', { date: formatDate(me.campaign.deadline, language) })}</p>}
      <ErrorMessage message={error} />
      <button type="button" className="button" onClick={agree} disabled={busy}>
        {t('consent.agree')}
      </button>
    </main>
  )
}
