import { useEffect, useRef, useState } from 'react'
import { operators as t } from '../../../messages/ja.ts'

interface OneTimePasswordProps {
  name: string
  password: string
  onDismiss: () => void
  /** Title and text for a reset's password (a new account's by default). */
  title?: string
  body?: string
}

/** A one-time password (new account, reset), shown once with a copy button; gone when dismissed. */
export function OneTimePassword({ name, password, onDismiss, title = t.oneTimeTitle, body = t.oneTimeBody(name) }: OneTimePasswordProps) {
  const heading = useRef<HTMLHeadingElement>(null)
  const [copy, setCopy] = useState<'idle' | 'copied' | 'failed'>('idle')
  useEffect(() => heading.current?.focus(), [])
  const copyPassword = async () => {
    try {
      await navigator.clipboard.writeText(password)
      setCopy('copied')
    } catch {
      setCopy('failed')
    }
  }
  return (
    <section className="admin-notice admin-notice--success admin-secret-box" aria-labelledby="one-time-title">
      <h2 id="one-time-title" ref={heading} tabIndex={-1}>
        {title}
      </h2>
      <p>{body}</p>
      <p>
        <code className="admin-secret">{password}</code>
      </p>
      <div className="admin-actions">
        <button type="button" className="admin-button" onClick={copyPassword}>
          {t.copy}
        </button>
        <button type="button" className="admin-button admin-button--primary" onClick={onDismiss}>
          {t.dismiss}
        </button>
      </div>
      <p role="status">{copy === 'copied' ? t.copied : copy === 'failed' ? t.copyFailed : ''}</p>
    </section>
  )
}
