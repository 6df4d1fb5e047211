import type { EmailBatchPreview, EmailBatchRequest } from '@bango/shared/admin-credentials'
import { useId, useState } from 'react'
import { ErrorAlert } from '../../../components/error-alert.tsx'
import { usePreviewEmailBatch } from '../api/preview-email-batch.ts'
import { credentialsText as t } from '../messages.ts'

const NAMES_SHOWN = 10

interface EmailConfirmProps {
  campaignId: string
  label: string
  request: EmailBatchRequest
  onSend: (request: EmailBatchRequest) => void
  disabled: boolean
  describedBy?: string | undefined
}

/**
 * A send button that first asks the server who would get what — new credentials, re-issues,
 * reminders — and who cannot be mailed, and sends only after HR has seen it. A login already
 * handed out is re-issued only when HR ticks the box for it.
 */
export function EmailConfirm({ campaignId, label, request, onSend, disabled, describedBy }: EmailConfirmProps) {
  const preview = usePreviewEmailBatch(campaignId)
  const [asking, setAsking] = useState(false)
  const [reissue, setReissue] = useState(false)
  const reissueId = useId()
  const ask = (withReissue: boolean) => preview.mutate({ ...request, ...(withReissue ? { reissue: true } : {}) })

  if (!asking) {
    return (
      <button
        type="button"
        className="admin-button"
        disabled={disabled}
        aria-describedby={describedBy}
        onClick={() => {
          setAsking(true)
          setReissue(false)
          ask(false)
        }}
      >
        {label}
      </button>
    )
  }
  const p = preview.data
  const total = p ? p.newCredentials + p.reissues + p.reminders : 0
  return (
    <div className="admin-confirm" role="group" aria-label={label}>
      {preview.isPending && <p role="status">{t.loading}</p>}
      <ErrorAlert error={preview.error} />
      {p && (
        <>
          <PreviewLines preview={p} />
          {(p.reissues > 0 || p.reissuesLeftOut > 0) && (
            <p>
              <input
                id={reissueId}
                type="checkbox"
                checked={reissue}
                onChange={(event) => {
                  setReissue(event.target.checked)
                  ask(event.target.checked)
                }}
              />{' '}
              <label htmlFor={reissueId}>{t.preview.reissueChoice(p.reissues + p.reissuesLeftOut)}</label>
            </p>
          )}
          {total === 0 && <p role="status">{t.preview.nobody}</p>}
        </>
      )}
      <button
        type="button"
        className="admin-button admin-button--primary"
        disabled={!p || total === 0 || preview.isPending}
        onClick={() => {
          setAsking(false)
          onSend({ ...request, ...(reissue ? { reissue: true } : {}) })
        }}
      >
        {t.preview.send(total)}
      </button>
      <button type="button" className="admin-button" onClick={() => setAsking(false)}>
        {t.cancel}
      </button>
    </div>
  )
}

function PreviewLines({ preview: p }: { preview: EmailBatchPreview }) {
  const names = p.withoutAddress.slice(0, NAMES_SHOWN).map((e) => (e.employeeNumber ? `${e.employeeNumber} ${e.name}` : e.name))
  return (
    <ul>
      {p.kind === 'credentials' && <li>{t.preview.newCredentials(p.newCredentials)}</li>}
      {p.reissues > 0 && <li>{t.preview.reissues(p.reissues)}</li>}
      {p.reissuesLeftOut > 0 && <li>{t.preview.reissuesLeftOut(p.reissuesLeftOut)}</li>}
      {p.kind === 'reminder' && <li>{t.preview.reminders(p.reminders)}</li>}
      {p.alreadyQueued > 0 && <li>{t.preview.alreadyQueued(p.alreadyQueued)}</li>}
      {p.withoutAddress.length > 0 && (
        <li>
          {t.preview.withoutAddress(p.withoutAddress.length)}
          {names.join('、')}
          {p.withoutAddress.length > NAMES_SHOWN && t.preview.andMore(p.withoutAddress.length - NAMES_SHOWN)}
        </li>
      )}
    </ul>
  )
}
