import { useEffect, useRef } from 'react'
import { AdminApiError, type AdminErrorCode } from '../lib/api-client.ts'
import { adminErrorText } from '../messages/errors.ts'

/**
 * The console's one way to show a failed request: the text chosen from the error code,
 * announced, and focused so a keyboard or screen-reader user lands on it. `texts` words a code
 * the way this form means it.
 */
export function ErrorAlert({ error, texts }: { error: unknown; texts?: Partial<Record<AdminErrorCode, string>> }) {
  const ref = useRef<HTMLParagraphElement>(null)
  useEffect(() => {
    if (error) ref.current?.focus()
  }, [error])
  if (!error) return null
  const text = error instanceof AdminApiError ? (texts?.[error.code] ?? error.message) : adminErrorText('UNEXPECTED')
  return (
    <p ref={ref} className="admin-notice admin-notice--error" role="alert" tabIndex={-1}>
      {text}
    </p>
  )
}

/** A short success note, announced politely. */
export function StatusNote({ text }: { text: string | null | undefined }) {
  return (
    <p className="admin-status" role="status">
      {text ?? ''}
    </p>
  )
}
