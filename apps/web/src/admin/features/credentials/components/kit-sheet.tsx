import type { IssueCredentialsResponse, IssuedCredential } from '@bango/shared/admin-credentials'
import { type RefObject, useLayoutEffect, useRef, useState } from 'react'
import { formatDate } from '../../../../lib/format.ts'
import { credentialsText } from '../messages.ts'
import { QrCode } from './qr-code.tsx'

const t = credentialsText.kit

type Campaign = Pick<IssueCredentialsResponse, 'companyName' | 'campaignName' | 'deadline' | 'contact'>

/** Smaller and smaller type (kit.css) for a sheet whose texts are long. */
const FITS = ['', ' kit-sheet--compact', ' kit-sheet--tight'] as const
/** A4's 297 mm in CSS pixels, less 3 mm against rounding (a sheet 2 px too tall printed a blank page), plus the screen's 2 px of border. */
const ONE_PAGE_PX = ((297 - 3) * 96) / 25.4 + 2

/** The sheet's type, made smaller while it is taller than one printed page or its address overflows the envelope's window. */
function useFitOnOnePage(ref: RefObject<HTMLElement | null>) {
  const [fit, setFit] = useState(0)
  useLayoutEffect(() => {
    const sheet = ref.current
    if (!sheet || fit === FITS.length - 1) return
    const address = sheet.querySelector('address')
    if (sheet.offsetHeight > ONE_PAGE_PX || (address && address.scrollHeight > address.clientHeight)) setFit(fit + 1)
  }, [ref, fit])
  return FITS[fit]
}

/**
 * One A4 page of the postal kit: who asks, for whom, by when, the QR code, URL, password, what to
 * prepare, the steps and whom to ask. With a postal address, the page is laid out for a 長形3号
 * window envelope (A4 folded in three): the address alone in the window, everything else below it.
 * Long texts are set smaller so that each sheet stays one printed page.
 */
export function KitSheet({ credential, campaign }: { credential: IssuedCredential; campaign: Campaign }) {
  const { companyName, campaignName, deadline, contact } = campaign
  const { postal } = credential
  const sheet = useRef<HTMLElement>(null)
  const fit = useFitOnOnePage(sheet)
  return (
    <article ref={sheet} className={`kit-sheet${postal ? ' kit-sheet--window' : ''}${fit}`} aria-label={t.to(credential.name)}>
      {postal && (
        <address className="kit-sheet__address" role="group" aria-label={t.addressLabel}>
          <span>〒{postal.postalCode}</span>
          <span>{postal.address}</span>
          <span className="kit-sheet__addressee">{t.to(credential.name)}</span>
        </address>
      )}
      <p className="kit-sheet__from">
        {companyName}　{campaignName}
      </p>
      <h2 className="kit-sheet__to">{t.to(credential.name)}</h2>
      <p className="kit-sheet__heading">{t.heading}</p>
      {deadline && (
        <p className="kit-sheet__deadline">
          {t.deadline}
          {formatDate(deadline)}
        </p>
      )}
      <div className="kit-sheet__access">
        <QrCode text={credential.url} label={t.qrAlt(credential.name)} />
        <dl>
          <dt>{t.url}</dt>
          <dd className="kit-sheet__url">{credential.url}</dd>
          <dt>{t.password}</dt>
          <dd className="kit-sheet__password">
            <code>{credential.password}</code>
          </dd>
        </dl>
      </div>
      <p>{t.urlNote}</p>
      <p>{t.keep}</p>
      <h3>{t.prepareTitle}</h3>
      <p>{t.prepare}</p>
      <h3>{t.stepsTitle}</h3>
      <ol>
        {t.steps.map((step) => (
          <li key={step}>{step}</li>
        ))}
      </ol>
      <h3>{t.browsersTitle}</h3>
      <ul>
        {t.browsers.map((browser) => (
          <li key={browser}>{browser}</li>
        ))}
      </ul>
      <h3>{t.contactTitle}</h3>
      <p>{contact ?? t.contactFallback}</p>
    </article>
  )
}
