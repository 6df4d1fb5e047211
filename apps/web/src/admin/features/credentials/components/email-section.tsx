import { useEmailBatches } from '../api/email-batches.ts'
import { useSendEmailBatch } from '../api/send-email-batch.ts'
import { credentialsText as t } from '../messages.ts'
import { ConfirmAction } from './confirm-action.tsx'
import { EmailBatchList } from './email-batch-list.tsx'
import { ErrorAlert } from '../../../components/error-alert.tsx'

/**
 * E-mail delivery: credentials (to everyone without, or the selection) and reminders (to
 * everyone not 完了). Without SMTP_URL the buttons stay visible but disabled, with the reason.
 */
export function EmailSection({ campaignId, employeeIds }: { campaignId: string; employeeIds: readonly string[] }) {
  const batches = useEmailBatches(campaignId)
  const send = useSendEmailBatch(campaignId)
  const configured = batches.data?.configured ?? false
  const disabled = !configured || send.isPending
  const reasonId = configured ? undefined : 'email-disabled-reason'

  return (
    <section aria-labelledby="email-title" className="admin-section">
      <h2 id="email-title">{t.emailTitle}</h2>
      {batches.isPending && <p role="status">{t.loading}</p>}
      <ErrorAlert error={batches.error} />
      {batches.data && !configured && (
        <p className="admin-notice admin-notice--warning" id="email-disabled-reason">
          {t.emailNotConfigured}
        </p>
      )}
      <p>{t.sendCredentialsHint}</p>
      <ConfirmAction
        label={employeeIds.length ? t.sendCredentialsSelected : t.sendCredentials}
        question={t.confirmSendCredentials}
        confirmLabel={t.send}
        onConfirm={() => send.mutate({ kind: 'credentials', ...(employeeIds.length ? { employeeIds: [...employeeIds] } : {}) })}
        disabled={disabled}
        describedBy={reasonId}
      />
      <p>{t.remindHint}</p>
      <ConfirmAction
        label={t.remind}
        question={t.confirmRemind}
        confirmLabel={t.send}
        onConfirm={() => send.mutate({ kind: 'reminder' })}
        disabled={disabled}
        describedBy={reasonId}
      />
      {send.isPending && <p role="status">{t.sending}</p>}
      <ErrorAlert error={send.error} />
      {batches.data && <EmailBatchList batches={batches.data.batches} />}
    </section>
  )
}
