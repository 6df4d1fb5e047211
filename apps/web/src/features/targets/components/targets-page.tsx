import { useRef, useState, type ReactNode } from 'react'
import { Navigate, useNavigate } from 'react-router'
import { paths } from '../../../config/paths.ts'
import { ErrorMessage } from '../../../components/error-message.tsx'
import { ResourceStatus } from '../../../components/resource-status.tsx'
import { ApiError } from '../../../lib/api-client.ts'
import { getMe, getPersons } from '../../../lib/employee-api.ts'
import { useMeStore } from '../../../lib/me-store.ts'
import { useResource } from '../../../lib/use-resource.ts'
import { useT } from '../../../lib/use-t.ts'
import { submit } from '../api/submit.ts'
import { PersonList } from './person-list.tsx'
import { SubmitConfirm } from './submit-confirm.tsx'

/** `aside`: what the app places under the list (the PC → phone handoff) without this feature knowing it. */
export function TargetsPage({ aside }: { aside?: ReactNode }) {
  const { t } = useT()
  const navigate = useNavigate()
  const draftLifetimeHours = useMeStore((s) => s.me?.campaign.draftLifetimeHours ?? 24)
  const persons = useResource(getPersons)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const [confirming, setConfirming] = useState(false)
  const doneButton = useRef<HTMLButtonElement>(null)

  if (persons.state !== 'ready') {
    return (
      <main className="page">
        <h1>{t('targets.title')}</h1>
        <ResourceStatus error={persons.state === 'error' ? persons.error : undefined} onRetry={persons.reload} />
      </main>
    )
  }
  if (persons.data.submittedAt && !persons.data.reopened) return <Navigate to={paths.done()} replace />

  const complete = async () => {
    setConfirming(false)
    setBusy(true)
    setError(null)
    try {
      const { submittedAt, lastSubmittedAt, reference } = await submit()
      useMeStore.getState().update({ submittedAt, lastSubmittedAt, submissionReference: reference, reopened: false })
      navigate(paths.done(), { replace: true })
    } catch (caught) {
      // A 完了 that committed but whose answer was lost: this session is already receipt-only.
      if (caught instanceof ApiError && caught.code === 'SESSION_RECEIPT_ONLY') {
        const me = await getMe().catch(() => null)
        if (me?.submittedAt) {
          useMeStore.getState().setMe(me)
          navigate(paths.done(), { replace: true })
          return
        }
      }
      setError(caught instanceof ApiError ? caught.message : t('common.unexpectedError'))
      setBusy(false)
      persons.reload()
    }
  }

  return (
    <main className="page">
      <h1>{t('targets.title')}</h1>
      <p>{persons.data.reopened ? t('targets.reopenedIntro') : t('targets.intro')}</p>
      <p className="notice notice--info">{t('targets.draftNotice', { hours: draftLifetimeHours })}</p>
      <PersonList
        persons={persons.data.persons}
        inProgress={persons.data.inProgress}
        onSelect={(person) => navigate(paths.person(person.id))}
        locked={persons.data.reopened}
      />
      {!persons.data.reopened && (
        <button type="button" className="button button--secondary" onClick={() => navigate(paths.addDependent())}>
          {t('targets.addDependent')}
        </button>
      )}
      <ErrorMessage message={error} />
      {!persons.data.canSubmit && <p className="hint">{t('targets.submitHint')}</p>}
      <button ref={doneButton} type="button" className="button" onClick={() => setConfirming(true)} disabled={!persons.data.canSubmit || busy}>
        {t('targets.submit')}
      </button>
      {confirming && (
        <SubmitConfirm
          onSubmit={() => void complete()}
          onBack={() => {
            setConfirming(false)
            doneButton.current?.focus()
          }}
        />
      )}
      {busy && <p role="status">{t('targets.submitting')}</p>}
      {aside}
    </main>
  )
}
