import type { HandoffResponse } from '@bango/shared/employee-api'
import { useEffect, useState } from 'react'
import { paths } from '../../../app/paths.ts'
import { ErrorMessage } from '../../../components/error-message.tsx'
import { ApiError } from '../../../lib/api-client.ts'
import { isTouchDevice } from '../../../lib/device.ts'
import { common, handoff } from '../../../messages/ja.ts'
import { issueHandoff } from '../api/issue-handoff.ts'

interface Shown {
  url: string
  svg: string
  expiresAt: Date
}

/** On a PC: a QR code that opens this same session on a phone (the camera path). */
export function ContinueOnPhone({ now = () => new Date() }: { now?: () => Date }) {
  const [shown, setShown] = useState<Shown | null>(null)
  const [expired, setExpired] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  useEffect(() => {
    if (!shown) return
    const timer = setTimeout(() => setExpired(true), Math.max(0, shown.expiresAt.getTime() - now().getTime()))
    return () => clearTimeout(timer)
  }, [shown, now])

  if (isTouchDevice()) return null

  const show = async () => {
    setBusy(true)
    setError(null)
    try {
      const issued: HandoffResponse = await issueHandoff()
      const url = `${window.location.origin}${paths.handoff(issued.code)}`
      // The QR encoder is fetched the first time a code is shown (most employees are on a phone).
      const { default: QRCode } = await import('qrcode')
      setShown({ url, svg: await QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 }), expiresAt: new Date(issued.expiresAt) })
      setExpired(false)
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : common.unexpectedError)
    } finally {
      setBusy(false)
    }
  }

  const time = shown?.expiresAt.toLocaleTimeString('ja-JP', { hour: '2-digit', minute: '2-digit' })
  return (
    <section className="card handoff" aria-labelledby="handoff-title">
      <h2 id="handoff-title">{handoff.title}</h2>
      <p>{handoff.intro}</p>
      {shown && !expired && (
        <figure className="handoff__qr">
          <img src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(shown.svg)}`} alt={handoff.qrAlt} width={220} height={220} />
          <figcaption>
            <ol className="hint-list">
              {handoff.steps.map((step) => <li key={step}>{step}</li>)}
            </ol>
            <p className="hint">{handoff.expires(time ?? '')}</p>
            <p className="handoff__url">{shown.url}</p>
          </figcaption>
        </figure>
      )}
      {expired && <p role="status">{handoff.expired}</p>}
      <ErrorMessage message={error} />
      {(!shown || expired) && (
        <button type="button" className="button button--secondary" onClick={show} disabled={busy}>
          {shown ? handoff.showAgain : handoff.show}
        </button>
      )}
    </section>
  )
}
