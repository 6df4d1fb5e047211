import { useMeStore } from '../lib/me-store.ts'
import { useT } from '../lib/use-t.ts'
import { ContactNote } from './contact-note.tsx'

/** What a screen shows while its data loads or after loading failed (the API's message as-is). */
export function ResourceStatus({ error, onRetry }: { error?: Error; onRetry?: () => void }) {
  const { t } = useT()
  const contact = useMeStore((s) => s.me?.campaign.contact)
  if (!error) {
    return (
      <p className="status" role="status">
        <span className="spinner" aria-hidden="true" /> {t('common.loading')}
      </p>
    )
  }
  return (
    <div className="notice notice--error" role="alert">
      <p>{error.message}</p>
      {onRetry && (
        <button type="button" className="button button--secondary" onClick={onRetry}>
          {t('common.retry')}
        </button>
      )}
      <ContactNote contact={contact} />
    </div>
  )
}
