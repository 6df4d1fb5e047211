import { common } from '../messages/ja.ts'

/** What a screen shows while its data loads or after loading failed (the API's message as-is). */
export function ResourceStatus({ error, onRetry }: { error?: Error; onRetry?: () => void }) {
  if (!error) {
    return (
      <p className="status" role="status">
        <span className="spinner" aria-hidden="true" /> {common.loading}
      </p>
    )
  }
  return (
    <div className="notice notice--error" role="alert">
      <p>{error.message}</p>
      {onRetry && (
        <button type="button" className="button button--secondary" onClick={onRetry}>
          {common.retry}
        </button>
      )}
    </div>
  )
}
