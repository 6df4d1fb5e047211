import type { IssueCredentialsResponse, IssuedCredential } from '@bango/shared/admin-credentials'
import { formatDate } from '../../../../lib/format.ts'
import { credentialsText } from '../messages.ts'
import { QrCode } from './qr-code.tsx'

const t = credentialsText.kit

type Campaign = Pick<IssueCredentialsResponse, 'companyName' | 'campaignName' | 'deadline' | 'contact'>

/**
 * One A4 page of the postal kit: who asks, for whom, by when, the QR code, URL, password, what to
 * prepare, the steps and whom to ask. With a postal address, the page is laid out for a 長形3号
 * window envelope (A4 folded in three): the address alone in the window, everything else below it.
 */
export function KitSheet({ credential, campaign }: { credential: IssuedCredential; campaign: Campaign }) {
  const { companyName, campaignName, deadline, contact } = campaign
  const { postal } = credential
  return (
    <article className={postal ? 'kit-sheet kit-sheet--window' : 'kit-sheet'} aria-label={t.to(credential.name)}>
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
