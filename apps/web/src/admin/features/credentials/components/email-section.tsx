import { useEmailBatches } from '../api/email-batches.ts'
import { useSendEmailBatch } from '../api/send-email-batch.ts'
import { credentialsText as t } from '../messages.ts'
import { EmailBatchList } from './email-batch-list.tsx'
import { EmailConfirm } from './email-confirm.tsx'
import { ErrorAlert } from '../../../components/error-alert.tsx'
import { useSession } from '../../../lib/session.ts'

/**
 * E-mail delivery: credentials (to everyone without, or the selection) and reminders (to
 * everyone not 完了), each shown before it is sent (EmailConfirm). Without SMTP_URL the buttons
 * stay visible but disabled, with the reason: the setting's name for the system administrator,
 * plain words for HR.
 */
export function EmailSection({ campaignId, employeeIds }: { campaignId: string; employeeIds: readonly string[] }) {
  const batches = useEmailBatches(campaignId)
  const send = useSendEmailBatch(campaignId)
  const configured = batches.data?.configured ?? false
  const disabled = !configured || send.isPending
  const reasonId = configured ? undefined : 'email-disabled-reason'
  const systemAdmin = useSession().data?.operator.isSystemAdmin ?? false
  const selection = employeeIds.length ? { employeeIds: [...employeeIds] } : {}

  return (
    <section aria-labelledby="email-title" className="admin-section">
      <h2 id="email-title">{t.emailTitle}</h2>
      {batches.isPending && <p role="status">{t.loading}</p>}
      <ErrorAlert error={batches.error} />
      {batches.data && !configured && (
        <p className="admin-notice admin-notice--warning" id="email-disabled-reason">
          {systemAdmin ? t.emailNotConfigured : t.emailNotConfiguredForHr}
        </p>
      )}
      <p>{t.sendCredentialsHint}</p>
      <EmailConfirm
        campaignId={campaignId}
        label={employeeIds.length ? t.sendCredentialsSelected : t.sendCredentials}
        request={{ kind: 'credentials', ...selection }}
        onSend={(request) => send.mutate(request)}
        disabled={disabled}
        describedBy={reasonId}
      />
      <p>{t.remindHint}</p>
      <EmailConfirm
        campaignId={campaignId}
        label={t.remind}
        request={{ kind: 'reminder' }}
        onSend={(request) => send.mutate(request)}
        disabled={disabled}
        describedBy={reasonId}
      />
      {send.isPending && <p role="status">{t.sending}</p>}
      <ErrorAlert error={send.error} />
      {batches.data && <EmailBatchList batches={batches.data.batches} />}
    </section>
  )
}
