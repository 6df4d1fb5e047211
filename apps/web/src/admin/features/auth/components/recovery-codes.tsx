import { useEffect, useRef, useState } from 'react'
import { recovery as t } from '../../../messages/ja.ts'

/** The recovery codes, shown once after enrolment: copy them, confirm they are kept, go on. */
export function RecoveryCodes({ codes, onDone }: { codes: string[]; onDone: () => void }) {
  const heading = useRef<HTMLHeadingElement>(null)
  const [saved, setSaved] = useState(false)
  const [copy, setCopy] = useState<'idle' | 'copied' | 'failed'>('idle')
  useEffect(() => heading.current?.focus(), [])
  const copyCodes = async () => {
    try {
      await navigator.clipboard.writeText(codes.join('\n'))
      setCopy('copied')
    } catch {
      setCopy('failed')
    }
  }
  return (
    <section className="admin-notice admin-notice--success admin-secret-box" aria-labelledby="recovery-codes-title">
      <h2 id="recovery-codes-title" ref={heading} tabIndex={-1}>
        {t.codesTitle}
      </h2>
      <p>{t.codesIntro}</p>
      <ol className="admin-recovery-codes" aria-label={t.codesLabel}>
        {codes.map((code) => (
          <li key={code}>
            <code className="admin-secret">{code}</code>
          </li>
        ))}
      </ol>
      <div className="admin-actions">
        <button type="button" className="admin-button" onClick={copyCodes}>
          {t.copyCodes}
        </button>
      </div>
      <p role="status">{copy === 'copied' ? t.copied : copy === 'failed' ? t.copyFailed : ''}</p>
      <div className="admin-check">
        <input id="recovery-codes-saved" type="checkbox" checked={saved} onChange={(event) => setSaved(event.target.checked)} />
        <label htmlFor="recovery-codes-saved">{t.codesSaved}</label>
      </div>
      <button type="button" className="admin-button admin-button--primary" disabled={!saved} onClick={onDone}>
        {t.codesContinue}
      </button>
    </section>
  )
}
