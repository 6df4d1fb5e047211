import type { HandoffResponse } from '@bango/shared/employee-api'
import { intlLocale } from '@bango/shared/languages'
import { useEffect, useState } from 'react'
import { paths } from '../../../config/paths.ts'
import { ErrorMessage } from '../../../components/error-message.tsx'
import { ApiError } from '../../../lib/api-client.ts'
import { isTouchDevice } from '../../../lib/device.ts'
import { useT } from '../../../lib/use-t.ts'
import { handoffStatus } from '../api/handoff-status.ts'
import { issueHandoff } from '../api/issue-handoff.ts'

interface Shown {
  url: string
  svg: string
  /** Server time: a redemption at or after it is this code's (or a newer one's). */
  issuedAt: string
  expiresAt: Date
}

/** How often the PC asks whether the phone has taken over, while a code is shown. */
export const HANDOFF_POLL_MS = 3000

interface ContinueOnPhoneProps {
  now?: () => Date
  /** Where the PC is (the wizard's position), for the URL's fragment: the phone lands there. */
  carry?: () => string | null
}

/** On a PC: a QR code that opens this same session on a phone (the camera path); it says so once the phone has. */
export function ContinueOnPhone({ now = () => new Date(), carry }: ContinueOnPhoneProps) {
  const { t, list, language } = useT()
  const [shown, setShown] = useState<Shown | null>(null)
  const [expired, setExpired] = useState(false)
  const [takenOver, setTakenOver] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  useEffect(() => {
    if (!shown) return
    const timer = setTimeout(() => setExpired(true), Math.max(0, shown.expiresAt.getTime() - now().getTime()))
    return () => clearTimeout(timer)
  }, [shown, now])

  // While the code can still be used: has a phone opened the session with it?
  useEffect(() => {
    if (!shown || expired || takenOver) return
    let current = true
    const timer = setInterval(() => {
      handoffStatus()
        .then(({ redeemedAt }) => {
          if (current && redeemedAt !== null && Date.parse(redeemedAt) >= Date.parse(shown.issuedAt)) setTakenOver(true)
        })
        // A failed poll changes nothing on the screen: the next one tries again.
        .catch(() => undefined)
    }, HANDOFF_POLL_MS)
    return () => {
      current = false
      clearInterval(timer)
    }
  }, [shown, expired, takenOver])

  if (isTouchDevice()) return null

  const show = async () => {
    setBusy(true)
    setError(null)
    try {
      const issued: HandoffResponse = await issueHandoff()
      const fragment = carry?.()
      const url = `${window.location.origin}${paths.handoff(issued.code)}${fragment ? `#${fragment}` : ''}`
      // The QR encoder is fetched the first time a code is shown (most employees are on a phone).
      const { default: QRCode } = await import('qrcode')
      const svg = await QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 })
      setShown({ url, svg, issuedAt: issued.issuedAt, expiresAt: new Date(issued.expiresAt) })
      setExpired(false)
      setTakenOver(false)
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : t('common.unexpectedError'))
    } finally {
      setBusy(false)
    }
  }

  // The device's own clock: the code runs out minutes from now, wherever the employee is.
  const time = shown?.expiresAt.toLocaleTimeString(intlLocale(language), { hour: '2-digit', minute: '2-digit' })
  return (
    <section className="card handoff" aria-labelledby="handoff-title">
      <h2 id="handoff-title">{t('handoff.title')}</h2>
      <p>{t('handoff.intro')}</p>
      {takenOver && (
        <p className="notice notice--success" role="status">
          {t('handoff.takenOver')}
        </p>
      )}
      {shown && !expired && !takenOver && (
        <figure className="handoff__qr">
          <img src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(shown.svg)}`} alt={t('handoff.qrAlt')} width={220} height={220} />
          <figcaption>
            <ol className="hint-list">
              {list('handoff.steps').map((step) => (
                <li key={step}>{step}</li>
              ))}
            </ol>
            <p className="hint">{t('handoff.expires', { time: time ?? '' })}</p>
            <p className="handoff__url">{shown.url}</p>
          </figcaption>
        </figure>
      )}
      {expired && !takenOver && <p role="status">{t('handoff.expired')}</p>}
      <ErrorMessage message={error} />
      {(!shown || expired || takenOver) && (
        <button type="button" className="button button--secondary" onClick={show} disabled={busy}>
          {shown ? t('handoff.showAgain') : t('handoff.show')}
        </button>
      )}
    </section>
  )
}
