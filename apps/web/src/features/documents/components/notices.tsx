import { useState, type ReactNode } from 'react'
import { ErrorMessage } from '../../../components/error-message.tsx'
import { ApiError } from '../../../lib/api-client.ts'
import { common, documents } from '../../../messages/ja.ts'
import { setApplicability } from '../api/set-applicability.ts'
import { useWizardStore } from '../stores/wizard-store.ts'

function Notice({ title, children, onTop }: { title: string; children?: ReactNode; onTop: () => void }) {
  return (
    <section className="step" aria-labelledby="notice-title">
      <h2 id="notice-title" className="notice-title">
        {title}
      </h2>
      {children}
      <button type="button" className="button" onClick={onTop}>
        {common.backToTop}
      </button>
    </section>
  )
}

export const RegisteredNotice = ({ onTop }: { onTop: () => void }) => (
  <Notice title={documents.registeredTitle} onTop={onTop}>
    <p>{documents.registeredBody}</p>
  </Notice>
)

export const AlreadyRegisteredNotice = ({ onTop }: { onTop: () => void }) => (
  <Notice title={documents.alreadyRegisteredTitle} onTop={onTop}>
    <p>{documents.alreadyRegisteredBody}</p>
  </Notice>
)

export const MarkedNotApplicableNotice = ({ onTop }: { onTop: () => void }) => (
  <Notice title={documents.notApplicableDone} onTop={onTop}>
    <p>{documents.notApplicableDoneBody}</p>
  </Notice>
)

/** A 対象外 person: offer to make them a target again. */
export function ExcludedNotice({ onTop }: { onTop: () => void }) {
  const personId = useWizardStore((s) => s.person?.id)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const include = async () => {
    if (!personId) return
    setBusy(true)
    setError(null)
    try {
      await setApplicability(personId, true)
      useWizardStore.getState().madeApplicable()
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : common.unexpectedError)
      setBusy(false)
    }
  }
  return (
    <Notice title={documents.excludedTitle} onTop={onTop}>
      <p>{documents.excludedBody}</p>
      <ErrorMessage message={error} />
      <button type="button" className="button button--secondary" onClick={include} disabled={busy}>
        {documents.makeApplicable}
      </button>
    </Notice>
  )
}
