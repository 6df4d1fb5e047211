import type { CredentialBatch } from '@bango/shared/admin-credentials'
import { formatDateTime } from '../../../../lib/format.ts'
import { ErrorAlert } from '../../../components/error-alert.tsx'
import { useEndCredentialBatch } from '../api/credential-batches.ts'
import { credentialsText as t } from '../messages.ts'
import { ConfirmAction } from './confirm-action.tsx'

/**
 * Issued batches not yet handed out (ADR 039): none of their logins work until 「配布しました」;
 * 「取り消す」, or a week gone, ends them without any login ever working.
 */
export function OpenBatches({ campaignId, batches }: { campaignId: string; batches: readonly CredentialBatch[] }) {
  const end = useEndCredentialBatch(campaignId)
  // After the last batch ended, the section stays for what its ending did.
  if (batches.length === 0 && !end.data && !end.error) return null
  return (
    <section aria-labelledby="open-batches-title" className="admin-section">
      <h2 id="open-batches-title">{t.openBatchesTitle}</h2>
      {batches.length > 0 ? <p>{t.openBatchesIntro}</p> : <p>{t.noOpenBatches}</p>}
      <ul className="admin-list">
        {batches.map((batch) => (
          <li key={batch.id}>
            <p>
              <strong>{t.openBatch(batch.count)}</strong> {t.openBatchDetail(formatDateTime(batch.createdAt), batch.issuedBy, formatDateTime(batch.expiresAt))}
            </p>
            <div className="admin-actions">
              <ConfirmAction
                label={t.distributed}
                question={t.confirmDistributed(batch.count)}
                confirmLabel={t.distributed}
                onConfirm={() => end.mutate({ batch, action: 'distributed' })}
                disabled={end.isPending}
                primary
              />
              <ConfirmAction
                label={t.cancelBatch}
                question={t.confirmCancelBatch(batch.count)}
                confirmLabel={t.cancelBatch}
                onConfirm={() => end.mutate({ batch, action: 'cancel' })}
                disabled={end.isPending}
              />
            </div>
          </li>
        ))}
      </ul>
      {end.data && (
        <p role="status" className="admin-notice">
          {end.data.action === 'cancel' ? t.cancelledResult(end.data.count) : t.distributedResult(end.data.live, end.data.superseded.length)}
        </p>
      )}
      <ErrorAlert error={end.error} />
    </section>
  )
}
