import { useState, type ReactNode } from 'react'
import { ErrorMessage } from '../../../components/error-message.tsx'
import { ApiError } from '../../../lib/api-client.ts'
import { useT } from '../../../lib/use-t.ts'
import { setApplicability } from '../api/set-applicability.ts'
import { startOver } from '../api/start-over.ts'
import { useWizardStore } from '../stores/wizard-store.ts'

function Notice({ title, children, onTop }: { title: string; children?: ReactNode; onTop: () => void }) {
  const { t } = useT()
  return (
    <section className="step" aria-labelledby="notice-title">
      <h2 id="notice-title" className="notice-title">
        {title}
      </h2>
      {children}
      <button type="button" className="button" onClick={onTop}>
        {t('common.backToTop')}
      </button>
    </section>
  )
}

export function RegisteredNotice({ onTop }: { onTop: () => void }) {
  const { t } = useT()
  return (
    <Notice title={t('documents.registeredTitle')} onTop={onTop}>
      <p>{t('documents.registeredBody')}</p>
    </Notice>
  )
}

export function MarkedNotApplicableNotice({ onTop }: { onTop: () => void }) {
  const { t } = useT()
  return (
    <Notice title={t('documents.notApplicableDone')} onTop={onTop}>
      <p>{t('documents.notApplicableDoneBody')}</p>
    </Notice>
  )
}

/** A notice whose one action resets the person on the server and reopens the menu. */
function StartOverNotice({
  title,
  body,
  actionLabel,
  action,
  onTop,
}: {
  title: string
  body: string[]
  actionLabel: string
  action: (personId: string) => Promise<unknown>
  onTop: () => void
}) {
  const { t } = useT()
  const personId = useWizardStore((s) => s.person?.id)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const run = async () => {
    if (!personId) return
    setBusy(true)
    setError(null)
    try {
      await action(personId)
      useWizardStore.getState().startOver()
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : t('common.unexpectedError'))
      setBusy(false)
    }
  }
  return (
    <Notice title={title} onTop={onTop}>
      {body.map((line) => (
        <p key={line}>{line}</p>
      ))}
      <ErrorMessage message={error} />
      <button type="button" className="button button--secondary" onClick={run} disabled={busy}>
        {actionLabel}
      </button>
    </Notice>
  )
}

/** A 対象外 person: offer to make them a target again. */
export function ExcludedNotice({ onTop }: { onTop: () => void }) {
  const { t } = useT()
  return (
    <StartOverNotice
      title={t('documents.excludedTitle')}
      body={[t('documents.excludedBody')]}
      actionLabel={t('documents.makeApplicable')}
      action={(personId) => setApplicability(personId, true)}
      onTop={onTop}
    />
  )
}

/** A registered person: images are not shown again; the employee may start over. */
export function AlreadyRegisteredNotice({ onTop }: { onTop: () => void }) {
  const { t } = useT()
  return (
    <StartOverNotice
      title={t('documents.alreadyRegisteredTitle')}
      body={[t('documents.alreadyRegisteredBody'), t('documents.startOverHint')]}
      actionLabel={t('documents.startOver')}
      action={startOver}
      onTop={onTop}
    />
  )
}
