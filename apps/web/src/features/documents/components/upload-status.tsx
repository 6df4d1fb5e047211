import { ErrorMessage } from '../../../components/error-message.tsx'
import { useT } from '../../../lib/use-t.ts'
import type { UploadState } from './use-capture-upload.ts'

/** Processing, sending (with a percentage), sent, or what went wrong and 「再送信」. */
export function UploadStatus({ state, onResend }: { state: UploadState; onResend: () => void }) {
  const { t } = useT()
  switch (state.status) {
    case 'idle':
    case 'masking':
      return null
    case 'error':
      return (
        <div>
          <ErrorMessage message={state.message} />
          {state.canResend && (
            <button type="button" className="button" onClick={onResend}>
              {t('documents.resend')}
            </button>
          )}
        </div>
      )
    case 'uploading':
      return (
        <div className="status status--uploading" role="status">
          <span className="spinner" aria-hidden="true" /> {t('documents.uploading')}
          {/* Without a value the bar is indeterminate: the size is not known yet. */}
          <progress className="upload-progress" max={100} value={state.percent ?? undefined} aria-label={t('documents.uploadProgress')} />
          {state.percent !== null && <span>{t('documents.uploadPercent', { percent: state.percent })}</span>}
        </div>
      )
    case 'processing':
    case 'done':
      return (
        <p className={`status status--${state.status}`} role="status">
          {state.status === 'processing' && <span className="spinner" aria-hidden="true" />}{' '}
          {state.status === 'processing' ? t('documents.processing') : t('documents.uploaded')}
        </p>
      )
  }
}
